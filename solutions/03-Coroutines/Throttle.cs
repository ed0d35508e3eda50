namespace Coroutines;

/// <summary>
/// Kata 5 ("Going further: throttling with SemaphoreSlim"): process many items concurrently, but
/// never more than a fixed number at once.
/// </summary>
public static class Throttle
{
    /// <summary>
    /// Calls <paramref name="work"/> once for every item, with at most <paramref name="maxInFlight"/>
    /// calls running at any moment, and starts the next item as soon as any call finishes.
    /// Returns the results in the order of <paramref name="items"/>. Once <paramref name="cancellationToken"/>
    /// is cancelled, no further item starts, and the caller gets an <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<TResult[]> MapAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxInFlight,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);

        // A semaphore is a counter of free slots: WaitAsync takes one (or waits, without blocking
        // a thread, until one is free), Release gives it back.
        using var slots = new SemaphoreSlim(maxInFlight);

        async Task<TResult> RunInASlot(TItem item)
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                // A slot can come free *because* the caller cancelled (a running item ended): then start nothing.
                cancellationToken.ThrowIfCancellationRequested();
                return await work(item, cancellationToken);
            }
            finally
            {
                // In finally, so a failing item gives its slot back too.
                slots.Release();
            }
        }

        return await Task.WhenAll(items.Select(RunInASlot).ToList());
    }
}
