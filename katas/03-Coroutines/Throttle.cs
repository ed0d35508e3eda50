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
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint Throttle</c> gives one hint at a time.</remarks>
    public static Task<TResult[]> MapAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxInFlight,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default) =>
        throw Todo.Kata();
}
