// Wrong answer: a counter of calls in flight; each item waits while the counter is at the limit, then adds one and runs
// Replaces: Throttle.cs
// Found by: coyote review
// Why it fails: checking for a free slot and taking it are two steps, so two items waiting at the same moment can both see one free slot and both go in; a SemaphoreSlim checks and takes in one step (`await slots.WaitAsync()`, then Release in a finally).

namespace Coroutines;

public static class Throttle
{
    public static async Task<TResult[]> MapAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxInFlight,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        var inFlight = 0;

        async Task<TResult> RunWhenFree(TItem item)
        {
            // Wait our turn off the caller's thread, then look for a free slot.
            await Task.Yield();
            while (Volatile.Read(ref inFlight) >= maxInFlight)
            {
                await Task.Delay(1, cancellationToken);
            }
            Interlocked.Increment(ref inFlight);
            try
            {
                return await work(item, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }

        return await Task.WhenAll(items.Select(RunWhenFree).ToList());
    }
}
