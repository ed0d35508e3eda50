namespace Coroutines;

/// <summary>
/// Kata 1 (seed cell In [25]): start every call, then wait for all of them together.
/// </summary>
public static class Gather
{
    /// <summary>
    /// Calls <paramref name="call"/> once for each item, with all the calls in flight at the same
    /// time, and returns their results in the order of <paramref name="items"/>, whichever call
    /// finished first.
    /// </summary>
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        // ToList starts every call now; only then do we wait. Awaiting inside a loop would
        // start call number 2 only after call number 1 had finished.
        var running = items.Select(call).ToList();

        // WhenAll keeps the results in the order of its input, not the order they finished in.
        return await Task.WhenAll(running);
    }
}
