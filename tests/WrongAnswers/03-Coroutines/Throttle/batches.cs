// Wrong answer: runs the items in batches of maxInFlight, awaiting each batch
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: a batch waits for its slowest item, so a free slot stays empty while the others are still running; use a SemaphoreSlim so the next item starts as soon as any one finishes.

namespace Coroutines;

public static class Throttle
{
    public static async Task<TResult[]> MapAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        int maxInFlight,
        Func<TItem, CancellationToken, Task<TResult>> work,
        CancellationToken cancellationToken = default)
    {
        var results = new List<TResult>();
        foreach (var batch in items.Chunk(maxInFlight))
        {
            results.AddRange(await Task.WhenAll(batch.Select(item => work(item, cancellationToken))));
        }
        return results.ToArray();
    }
}
