// Wrong answer: starts every job, awaits Task.WhenAll, then yields every result
// Replaces: AsCompleted.cs
// Found by: test header
// Why it fails: nothing comes out until the slowest job has finished, and then in submission order; await foreach over Task.WhenEach(tasks) hands each result out the moment its job finishes.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(x => Task.Run(() => work(x))).ToList();
        foreach (var result in await Task.WhenAll(tasks))
        {
            yield return result;
        }
    }
}
