namespace ThreadsAndProcesses;

/// <summary>
/// Kata 6 (going further: bounded parallelism): run many jobs concurrently, but never more than a
/// fixed number at the same time, like a pool with K workers.
/// </summary>
public static class BoundedParallelism
{
    /// <summary>
    /// Calls <paramref name="work"/> for every input, with at most <paramref name="maxInFlight"/>
    /// calls running at any moment, and starts the next one as soon as any running call finishes
    /// (not in batches). Returns the results in input order.
    /// </summary>
    public static async Task<TResult[]> RunAsync<TInput, TResult>(
        IReadOnlyList<TInput> inputs, int maxInFlight, Func<TInput, Task<TResult>> work)
    {
        // The semaphore holds maxInFlight permits: a job takes one before it starts and gives it
        // back when it ends, so the next waiting job can start at once.
        using var slots = new SemaphoreSlim(maxInFlight);
        var jobs = inputs.Select(async input =>
        {
            await slots.WaitAsync();
            try
            {
                return await work(input);
            }
            finally
            {
                slots.Release();
            }
        }).ToArray();
        return await Task.WhenAll(jobs);
    }
}
