// Wrong answer: AsParallel().Select(work) without AsOrdered()
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: without AsOrdered() PLINQ hands the results back in whatever order the threads finish; a short list often comes back in order by luck. Add AsOrdered().

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work) =>
        inputs.AsParallel().Select(work).ToArray();
}
