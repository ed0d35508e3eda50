// Wrong answer: waits for a slot inside the try whose finally releases it
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: an item cancelled while it waits gives back a slot it never took, which breaks the count (here the semaphore overflows and the caller gets the wrong exception); take the slot before the try.

namespace Coroutines;

public static class Throttle
{
    public static async Task<TResult[]> MapAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxInFlight,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default)
    {
        using var slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        var tasks = items.Select(async item =>
        {
            try
            {
                await slots.WaitAsync(cancellationToken);
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
