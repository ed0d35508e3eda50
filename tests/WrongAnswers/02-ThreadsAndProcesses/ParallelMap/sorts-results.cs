// Wrong answer: AsParallel without AsOrdered, then sort the results to put them "back in order"
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: sorting orders the results by their own value, not by the position of their input, so it only looks right while bigger inputs give bigger results; use AsOrdered() or write each result into its input's slot.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work) =>
        inputs.AsParallel().Select(work).OrderBy(result => result).ToArray();
}
