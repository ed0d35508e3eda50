// Wrong answer: an async iterator that starts a job, awaits it, yields its result, then starts the next
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: each job starts only after the previous one has finished, so nothing runs at the same time and the order is simply the input order; start every task first, then await foreach over Task.WhenEach.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        foreach (var input in inputs)
        {
            yield return await work(input);
        }
    }
}
