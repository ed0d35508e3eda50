// Wrong answer: a plain LINQ Select, one call after another on the caller's thread
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: Select runs each call only after the previous one has finished, so nothing runs at the same time; use AsParallel().AsOrdered() or Parallel.For.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work) =>
        inputs.Select(work).ToArray();
}
