// Wrong answer: Task.WhenEach, but a job that failed is quietly left out
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: the caller never learns that a job failed, it just gets fewer results; await each task as it comes (yield return await task) so its exception reaches the caller.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(x => Task.Run(() => work(x))).ToList();
        await foreach (var task in Task.WhenEach(tasks))
        {
            if (task.IsCompletedSuccessfully)
            {
                yield return task.Result;
            }
        }
    }
}
