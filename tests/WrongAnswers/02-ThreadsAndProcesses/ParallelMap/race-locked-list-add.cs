// Wrong answer: Parallel.ForEach over the inputs, each call adding its result to one list under a lock
// Replaces: ParallelMap.cs
// Found by: coyote review
// Why it fails: the list fills up in the order the calls finish, not the order of the inputs; use inputs.AsParallel().AsOrdered().Select(work).ToArray(), or write each result into its own slot, results[i].

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var results = new List<TResult>();
        Parallel.ForEach(inputs, input =>
        {
            var result = work(input);
            lock (results)
            {
                results.Add(result);
            }
        });
        return [.. results];
    }
}
