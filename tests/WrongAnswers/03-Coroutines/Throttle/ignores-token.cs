// Wrong answer: never passes the caller's token on, to the slot wait or to the work
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: cancelling does nothing: every waiting item still starts and the work is never told to stop; pass cancellationToken to WaitAsync and to the work.

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
            await slots.WaitAsync();
            try
            {
                return await work(item, CancellationToken.None);
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }
}
