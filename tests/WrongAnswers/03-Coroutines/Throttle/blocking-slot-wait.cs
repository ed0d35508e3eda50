// Wrong answer: takes a slot with the blocking Wait() while it starts the items
// Replaces: Throttle.cs
// Found by: blind review
// Why it fails: Wait() blocks the caller's thread until a slot is free, so the method does not even return its task until almost everything has run; await WaitAsync instead.

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
        var tasks = new List<Task<TResult>>();
        foreach (var item in items)
        {
            slots.Wait(cancellationToken);
            tasks.Add(RunOne(item));
        }
        return await Task.WhenAll(tasks);

        async Task<TResult> RunOne(TItem item)
        {
            try
            {
                return await work(item, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
