// Wrong answer: starts every call, then awaits the tasks one by one in input order
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: when an early call fails, the method throws while the later calls are still running, and their own failures are never looked at; await them together with Task.WhenAll.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var tasks = items.Select(call).ToList();
        var results = new TResult[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            results[i] = await tasks[i];
        }
        return results;
    }
}
