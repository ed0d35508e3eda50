// Wrong answer: every call adds its result to a shared list (under a lock) when it finishes, and the list is returned
// Replaces: Gather.cs
// Found by: coyote review
// Why it fails: the list fills up in the order the calls finish, which changes from run to run; start every call and `await Task.WhenAll(calls)`, which keeps the order of the items.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var results = new List<TResult>();
        var running = items.Select(async item =>
        {
            var result = await call(item);
            lock (results)
            {
                results.Add(result);
            }
        }).ToList();
        await Task.WhenAll(running);
        return [.. results];
    }
}
