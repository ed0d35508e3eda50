// Wrong answer: starts every call, then blocks with Task.WaitAll until they are done
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: Task.WaitAll blocks the caller's thread until every call has finished, so the caller gets no task to await and can hang; await Task.WhenAll instead.

namespace Coroutines;

public static class Gather
{
    public static Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var tasks = items.Select(call).ToArray();
        Task.WaitAll(tasks);
        return Task.FromResult(tasks.Select(task => task.Result).ToArray());
    }
}
