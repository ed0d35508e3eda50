// Wrong answer: Task.WhenEach, reading each finished task with .Result instead of awaiting it
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: .Result wraps a failed job's exception in an AggregateException, so the caller cannot catch the exception the job threw; await the task (yield return await task) to get the job's own exception.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(x => Task.Run(() => work(x))).ToList();
        await foreach (var task in Task.WhenEach(tasks))
        {
            yield return task.Result;
        }
    }
}
