// Wrong answer: gives the slot back in a catch and again in the finally
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: each failure hands back one slot too many, so after a failure more than maxInFlight items run at once, for good; Release exactly once, in the finally.

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
            try
            {
                return await work(item, cancellationToken);
            }
            catch
            {
                slots.Release();
                throw;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }
}
