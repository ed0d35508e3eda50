// Wrong answer: a parallel loop over the inputs that finds each result's slot with IndexOf(input)
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: when an input appears twice, IndexOf finds its first place both times, so one slot is written twice and the other stays empty; loop over the indexes (Parallel.For) so each call knows its own slot.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var list = inputs.ToList();
        var results = new TResult[list.Count];
        Parallel.ForEach(list, input => results[list.IndexOf(input)] = work(input));
        return results;
    }
}
