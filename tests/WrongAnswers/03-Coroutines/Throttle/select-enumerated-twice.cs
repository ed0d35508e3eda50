// Wrong answer: awaits a lazy Select with WhenAll, then reads the results from it again
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: a Select is only a description, so enumerating it a second time runs every item again; turn it into a list once and use that.

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
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await work(item, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        });
        await Task.WhenAll(tasks);
        return tasks.Select(task => task.Result).ToArray();
    }
}
