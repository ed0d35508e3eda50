// Wrong answer: a counter of items running; each item waits until a helper finds the counter below the limit and adds one (`if (running < max) running++`), then runs
// Replaces: Throttle.cs
// Found by: coyote review
// Why it fails: looking for a free slot and taking it are two steps, so two items that look at the same moment both see the one free slot and both go in; a SemaphoreSlim checks and takes in one step (`await slots.WaitAsync(cancellationToken)`, then Release in a finally).

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
        var running = 0;

        // Takes a slot if one is free.
        bool TryTakeSlot()
        {
            if (running < maxInFlight)
            {
                running++;
                return true;
            }
            return false;
        }

        async Task<TResult> RunWhenFree(TItem item)
        {
            // Get off the caller's thread first, then wait for a free slot.
            await Task.Yield();
            while (!TryTakeSlot())
            {
                await Task.Delay(1, cancellationToken);
            }
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                return await work(item, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        return await Task.WhenAll(items.Select(RunWhenFree).ToList());
    }
}
