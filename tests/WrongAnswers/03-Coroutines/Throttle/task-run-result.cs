// Wrong answer: runs each item on the thread pool and blocks that thread on .Result
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: every running item holds a whole thread, so how many run at once depends on how many threads the machine gives you; await the work instead of blocking on it.

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
        var tasks = items.Select(item => Task.Run(() =>
        {
            slots.Wait(cancellationToken);
            try
            {
                return work(item, cancellationToken).Result;
            }
            finally
            {
                slots.Release();
            }
        })).ToList();
        return await Task.WhenAll(tasks);
    }
}
