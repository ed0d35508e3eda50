// Wrong answer: starts every item at once with Task.WhenAll, without any limit
// Replaces: Throttle.cs
// Found by: test header
// Why it fails: all the items run at the same time, far more than maxInFlight; take a SemaphoreSlim slot before each call.

namespace Coroutines;

public static class Throttle
{
    public static async Task<TResult[]> MapAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxInFlight,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default)
    {
        return await Task.WhenAll(items.Select(item => work(item, cancellationToken)).ToList());
    }
}
