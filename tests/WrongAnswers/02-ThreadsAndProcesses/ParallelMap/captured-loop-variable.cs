// Wrong answer: a Task.Run per input in a for loop, whose lambda writes results[i] with the loop's own i
// Replaces: ParallelMap.cs
// Found by: coyote review
// Why it fails: the lambda reads i when it runs, not when it was made, and by then the loop has moved i on: results land in the wrong slot or past the end; use Parallel.For, which gives each call its own i (or copy i into a local inside the loop).

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var results = new TResult[inputs.Count];
        var tasks = new List<Task>();
        for (var i = 0; i < inputs.Count; i++)
        {
            tasks.Add(Task.Run(() => results[i] = work(inputs[i])));
        }
        Task.WaitAll(tasks);
        return results;
    }
}
