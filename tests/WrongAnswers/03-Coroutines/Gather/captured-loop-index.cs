// Wrong answer: a for loop starts each call, and a local function stores the result at results[i], reading the loop's i after the call has finished
// Replaces: Gather.cs
// Found by: coyote review
// Why it fails: a for loop has one `i` for all its rounds, so a call that finishes after the loop has moved on stores its result at the loop's current `i`, not at its own; let `await Task.WhenAll(calls)` put every result at its call's position.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var list = items.ToList();
        var results = new TResult[list.Count];
        var running = new List<Task>();
        for (var i = 0; i < list.Count; i++)
        {
            running.Add(CallAndStore(list[i]));

            async Task CallAndStore(TItem item)
            {
                var result = await call(item);
                results[i] = result;
            }
        }
        await Task.WhenAll(running);
        return results;
    }
}
