// Wrong answer: every job is wrapped as Task.Run(() => work(x).Result), then handed out with Task.WhenEach
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: .Result blocks a thread-pool thread for as long as the job waits, so many waiting jobs use up the pool's threads and the others queue behind them; pass the task itself on: Task.Run(() => work(x)).

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(x => Task.Run(() => work(x).Result)).ToList();
        await foreach (var task in Task.WhenEach(tasks))
        {
            yield return await task;
        }
    }
}
