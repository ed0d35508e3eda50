// Wrong answer: catches the exception of a failing item and leaves its result as default
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: the caller never learns that an item failed and gets a made-up value instead; let the exception come out of Task.WhenAll (the finally still gives the slot back).

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
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return default!;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }
}
