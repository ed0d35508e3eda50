// Wrong answer: Parallel.ForEach over the inputs, each call adding its result to one List, without a lock
// Replaces: ParallelMap.cs
// Found by: coyote review
// Why it fails: the results land in the order the calls finish, not the order of the inputs, and a List is not safe to change from several threads at once (results can be lost); write each result into its own slot, results[i], with Parallel.For.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var results = new List<TResult>();
        Parallel.ForEach(inputs, input => results.Add(work(input)));
        return results.ToArray();
    }
}
