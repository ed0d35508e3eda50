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
    /// <remarks>
    /// TODO: a <c>SemaphoreSlim(maxInFlight)</c>: each job awaits <c>WaitAsync()</c> before calling
    /// <paramref name="work"/> and calls <c>Release()</c> in a <c>finally</c>; start one such job per
    /// input and <c>await Task.WhenAll</c>.
    /// </remarks>
    public static Task<TResult[]> RunAsync<TInput, TResult>(
        IReadOnlyList<TInput> inputs, int maxInFlight, Func<TInput, Task<TResult>> work) =>
        throw Todo.Kata("02-threads-and-processes.dib", "Going further: bounded parallelism");
}
