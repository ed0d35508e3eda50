namespace ThreadsAndProcesses;

/// <summary>
/// Kata 3 (seed cell In [5], <c>submit</c> and <c>as_completed</c>): start every job at once,
/// then hand out each result as soon as its job finishes.
/// </summary>
public static class AsCompleted
{
    /// <summary>
    /// Starts <c>work(input)</c> for every input without waiting for any of them, then yields the
    /// results in the order the jobs finish (not the order they were started in).
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint AsCompleted</c> gives one hint at a time.</remarks>
    public static IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work) =>
        throw Todo.Kata();
}
