// Wrong answer: processes the items one after another
// Replaces: Throttle.cs
// Found by: test header
// Why it fails: only one item ever runs, so maxInFlight is never reached; let up to maxInFlight run at once with a SemaphoreSlim.

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
        foreach (var item in items)
        {
            results.Add(await work(item, cancellationToken));
        }
        return results.ToArray();
    }
}
