// Wrong answer: gives the slot back after the work, but not in a finally
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: a failing item never gives its slot back, so after maxInFlight failures nothing can start any more and the call hangs; Release in a finally.

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
        var tasks = items.Select(async item =>
        {
            await slots.WaitAsync(cancellationToken);
            var result = await work(item, cancellationToken);
            slots.Release();
            return result;
        }).ToList();
        return await Task.WhenAll(tasks);
    }
}
