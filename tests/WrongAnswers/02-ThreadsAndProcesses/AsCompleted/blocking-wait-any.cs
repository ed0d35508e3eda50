// Wrong answer: a plain (not async) iterator that blocks on Task.WaitAny, and a wrapper that makes it look async
// Replaces: AsCompleted.cs
// Found by: blind review
// Why it fails: Task.WaitAny blocks the consumer's thread while it waits, so a caller that awaits the results ties up a thread doing nothing; make the method an async iterator and await Task.WhenEach instead.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work) =>
        Blocking(inputs.Select(x => Task.Run(() => work(x))).ToList()).ToAsyncEnumerable();

    private static IEnumerable<TResult> Blocking<TResult>(List<Task<TResult>> tasks)
    {
        while (tasks.Count > 0)
        {
            var index = Task.WaitAny(tasks.ToArray());
            var done = tasks[index];
            tasks.RemoveAt(index);
            yield return done.GetAwaiter().GetResult();
        }
    }
}
