// Wrong answer: Parallel.For limited to "all the cores but one", to keep the machine responsive
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: on a one-core machine the limit is zero and Parallel.For refuses to run at all; a limit computed from the core count must never drop below one (or leave the default).

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var results = new TResult[inputs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount - 1 };
        Parallel.For(0, inputs.Count, options, i => results[i] = work(inputs[i]));
        return results;
    }
}
