// Wrong answer: takes a slot with WaitAsync(token) and starts the work without checking the token again
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: cancelling ends the running items, and a waiting item can get their free slot before its own wait is cancelled, so new work starts after the caller cancelled; check cancellationToken.ThrowIfCancellationRequested() once you hold the slot.

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
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }
}
