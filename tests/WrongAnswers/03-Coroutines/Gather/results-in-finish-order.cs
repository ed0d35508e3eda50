// Wrong answer: collects each result into a shared list as soon as its call finishes
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: the results come out in the order the calls finished, not the order of the input; use the array that Task.WhenAll returns.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var results = new System.Collections.Concurrent.ConcurrentQueue<TResult>();
        var tasks = items.Select(async item => results.Enqueue(await call(item))).ToList();
        await Task.WhenAll(tasks);
        return results.ToArray();
    }
}
