// Wrong answer: calls work(x) directly for every input (no Task.Run), then Task.WhenEach
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: each call runs on the caller's thread until its first await, so a job that computes for a while before it awaits holds up the start of every job after it; start each job with Task.Run.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(work).ToList();
        await foreach (var task in Task.WhenEach(tasks))
        {
            yield return await task;
        }
    }
}
