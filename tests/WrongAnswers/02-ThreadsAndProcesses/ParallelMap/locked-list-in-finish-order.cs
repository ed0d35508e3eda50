// Wrong answer: Parallel.ForEach adding each result to a List under a lock
// Replaces: ParallelMap.cs
// Found by: test header
// Why it fails: the results land in the order the calls finish, which is not the order of the inputs; write each result into its own slot (results[i] with Parallel.For) or use AsOrdered().

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
        return results.ToArray();
    }
}
