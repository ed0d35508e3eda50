// Wrong answer: keeps the tasks as a lazy Select, counts them, then passes the same query to Task.WhenEach
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: a lazy Select runs again every time it is enumerated, so Count() starts every job once and WhenEach starts it again; call ToList() on the tasks so each job starts exactly once.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(x => Task.Run(() => work(x)));
        if (tasks.Count() == 0)
        {
            yield break;
        }
        await foreach (var task in Task.WhenEach(tasks))
        {
            yield return await task;
        }
    }
}
