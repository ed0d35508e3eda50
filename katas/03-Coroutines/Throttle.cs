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
    /// <remarks>
    /// TODO: make a <c>SemaphoreSlim(maxInFlight)</c>. For each item, <c>await WaitAsync</c> to take a
    /// slot, check the token again (cancelling can free a slot), run the work, and <c>Release</c> the slot in a <c>finally</c>; start all the items
    /// and await them with <c>Task.WhenAll</c>. Starting them in batches of
    /// <paramref name="maxInFlight"/> is not enough: a free slot must be used at once.
    /// </remarks>
    public static Task<TResult[]> MapAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxInFlight,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default) =>
        throw Todo.Kata("03-coroutines.dib", "Going further: throttling with SemaphoreSlim");
}
