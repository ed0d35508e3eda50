// Wrong answer: starts every job, then awaits the tasks one by one in the order they were started
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: a slow first job holds back every result behind it, even those that finished long ago; await foreach over Task.WhenEach(tasks) hands each task out the moment it finishes.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(x => Task.Run(() => work(x))).ToList();
        foreach (var task in tasks)
        {
            yield return await task;
        }
    }
}
