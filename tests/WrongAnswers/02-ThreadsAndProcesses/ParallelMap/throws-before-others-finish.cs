// Wrong answer: one Task.Run per input, then read each task's Result in input order
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: when an early call throws, Map throws at once while later calls are still running, so work goes on after Map has returned; wait for every call (Task.WaitAll, Parallel.For or PLINQ do that) before you report the error.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var tasks = inputs.Select(x => Task.Run(() => work(x))).ToList();
        var results = new TResult[tasks.Count];
        for (var i = 0; i < tasks.Count; i++)
        {
            try
            {
                results[i] = tasks[i].Result;
            }
            catch (AggregateException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
        return results;
    }
}
