// Wrong answer: a ContinueWith on each job adds its result to one List (no lock), and a SemaphoreSlim tells the reader that one more is there
// Replaces: AsCompleted.cs
// Found by: coyote review
// Why it fails: a job that fails never adds anything, so the reader waits for ever; and jobs that finish at the same moment add to the List from two threads at once, which can lose a result. Await Task.WhenEach(tasks): it hands out every finished task, failed ones too, one at a time.

namespace ThreadsAndProcesses;

public static class AsCompleted
{
    public static async IAsyncEnumerable<TResult> InCompletionOrder<TInput, TResult>(
        IEnumerable<TInput> inputs, Func<TInput, Task<TResult>> work)
    {
        var tasks = inputs.Select(input => Task.Run(() => work(input))).ToList();
        var finished = new List<TResult>();
        var ready = new SemaphoreSlim(0);
        foreach (var task in tasks)
        {
            _ = task.ContinueWith(done =>
            {
                finished.Add(done.Result);
                ready.Release();
            });
        }
        for (var i = 0; i < tasks.Count; i++)
        {
            await ready.WaitAsync();
            yield return finished[i];
        }
    }
}
