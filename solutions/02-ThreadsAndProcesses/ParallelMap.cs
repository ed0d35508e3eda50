namespace ThreadsAndProcesses;

/// <summary>
/// Kata 1 (seed cell In [17], <c>Pool.map</c>): apply a function to every input on several
/// threads at once, and return the results in the order of the inputs.
/// </summary>
public static class ParallelMap
{
    /// <summary>
    /// Calls <paramref name="work"/> once for every input, with several calls running at the same
    /// time on different threads, and returns the results in input order:
    /// <c>result[i] == work(inputs[i])</c>. Returns when every call has finished.
    /// </summary>
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        // Each call writes only its own slot, so the results stay in input order without any locking.
        // Parallel.For shares the indexes out over the thread pool, which adds threads when calls block, so
        // several calls run at once even on a one-core machine (PLINQ would use one thread per core there).
        // It waits for every call, and a call that throws reaches the caller inside an AggregateException.
        var results = new TResult[inputs.Count];
        Parallel.For(0, inputs.Count, i => results[i] = work(inputs[i]));
        return results;
    }
}
