// Wrong answer: a lazy PLINQ query that is counted first (to check it) and then turned into an array
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: a LINQ query runs again every time it is enumerated, so Count() and ToArray() call the work twice for every input; enumerate the query once (ToArray) and use what it gave you.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var query = inputs.AsParallel().AsOrdered().Select(work);
        if (query.Count() != inputs.Count)
        {
            throw new InvalidOperationException("Lost a result.");
        }
        return query.ToArray();
    }
}
