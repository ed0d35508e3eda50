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
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        // Submit everything first, like pool.submit(...) in a loop.
        var jobs = inputs.Select(input => Task.Run(() => work(input))).ToList();

        // Task.WhenEach hands back each task as it completes: the .NET cf.as_completed.
        await foreach (var finished in Task.WhenEach(jobs))
        {
            yield return await finished;
        }
    }
}
