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
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint ParallelMap</c> gives one hint at a time.</remarks>
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work) =>
        throw Todo.Kata();
}
