// Wrong answer: notes the order the jobs finish in, waits for all of them with Task.WhenAll, then yields in that order
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: the order is right, but the first result comes only once the slowest job is done; yield each result as soon as its job finishes, with await foreach over Task.WhenEach.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var finished = new ConcurrentQueue<TResult>();
        var tasks = inputs.Select(x => Task.Run(async () =>
        {
            var result = await work(x);
            finished.Enqueue(result);
            return result;
        })).ToList();
        await Task.WhenAll(tasks);
        foreach (var result in finished)
        {
            yield return result;
        }
    }
}
