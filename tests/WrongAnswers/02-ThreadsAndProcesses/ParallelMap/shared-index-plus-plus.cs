// Wrong answer: one worker task per core, each taking the next input with `next++` on a shared index
// Replaces: ParallelMap.cs
// Found by: coyote review
// Why it fails: `next++` is two steps (read the index, write it back plus one), so two workers can read the same index and compute the same input twice; let Parallel.For hand out the indexes, or take each one with Interlocked.Increment.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var results = new TResult[inputs.Count];
        var next = 0;
        var workers = new Task[Math.Max(2, Environment.ProcessorCount)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Run(() =>
            {
                int i;
                while ((i = next++) < inputs.Count)
                {
                    results[i] = work(inputs[i]);
                }
            });
        }
        Task.WaitAll(workers);
        return results;
    }
}
