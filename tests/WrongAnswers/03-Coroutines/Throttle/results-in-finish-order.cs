// Wrong answer: adds each result to a shared list when its item finishes
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: the results come out in the order the items finished, not the order of the input; use the array that Task.WhenAll returns.

namespace Coroutines;

public static class Throttle
{
    public static async Task<TResult[]> MapAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxInFlight,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default)
    {
        using var slots = new SemaphoreSlim(maxInFlight);
        var results = new System.Collections.Concurrent.ConcurrentQueue<TResult>();
        var tasks = items.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                results.Enqueue(await work(item, cancellationToken));
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        return results.ToArray();
    }
}
