// Wrong answer: puts each result at the position found with IndexOf(item)
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: when an item appears twice, IndexOf finds its first place both times, so one slot is written twice and another stays empty; keep each item's position, or use what Task.WhenAll returns.

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
        var list = items.ToList();
        var results = new TResult[list.Count];
        var tasks = list.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                results[list.IndexOf(item)] = await work(item, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        return results;
    }
}
