// Wrong answer: each call starts its own thread that waits with Task.WaitAny and passes finished results on through a channel
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: every call keeps a whole thread blocked until its last job has finished, even when the caller stopped reading long ago; awaiting Task.WhenEach costs no thread at all while it waits.

using System.Threading.Channels;

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(x => Task.Run(() => work(x))).ToList();
        var finished = Channel.CreateUnbounded<Task<TResult>>();
        var pump = new Thread(() =>
        {
            var left = new List<Task<TResult>>(tasks);
            while (left.Count > 0)
            {
                var index = Task.WaitAny([.. left]);
                finished.Writer.TryWrite(left[index]);
                left.RemoveAt(index);
            }
            finished.Writer.Complete();
        }) { IsBackground = true };
        pump.Start();

        await foreach (var task in finished.Reader.ReadAllAsync())
        {
            yield return await task;
        }
    }
}
