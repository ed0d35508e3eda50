// Wrong answer: each task writes its result into a channel with ContinueWith(OnlyOnRanToCompletion); the reader stops after as many results as jobs
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: a job that fails never writes anything, so the reader waits for a result that will never come and the caller hangs for good; Task.WhenEach hands out failed tasks too, and awaiting one throws its exception.

using System.Threading.Channels;

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var channel = Channel.CreateUnbounded<TResult>();
        var tasks = inputs.Select(x => Task.Run(() => work(x))).ToList();
        foreach (var task in tasks)
        {
            _ = task.ContinueWith(
                t => channel.Writer.TryWrite(t.Result),
                TaskContinuationOptions.OnlyOnRanToCompletion);
        }
        for (var i = 0; i < tasks.Count; i++)
        {
            yield return await channel.Reader.ReadAsync();
        }
    }
}
