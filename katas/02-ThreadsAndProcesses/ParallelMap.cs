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
    /// <remarks>
    /// TODO: <c>Parallel.For</c> writing <c>results[i]</c> into an array, or PLINQ
    /// (<c>AsParallel().AsOrdered()</c>; PLINQ uses one thread per core, so on a one-core machine add
    /// <c>WithDegreeOfParallelism(2)</c>). Use the whole machine: at least one call per core at once.
    /// A plain <c>Select</c> runs one call after another, and the tests will notice. Let a call's
    /// exception reach the caller.
    /// </remarks>
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work) =>
        throw Todo.Kata("02-threads-and-processes.dib", "In [17]");
}
