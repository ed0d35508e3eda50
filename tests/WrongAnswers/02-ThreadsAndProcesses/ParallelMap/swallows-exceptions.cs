// Wrong answer: Parallel.For with a try/catch around each call, so one bad input cannot spoil the rest
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: a call that throws leaves a default value in its slot and nobody hears about the error; let the exception reach the caller (Parallel.For and PLINQ pass it on for you).

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var results = new TResult[inputs.Count];
        Parallel.For(0, inputs.Count, i =>
        {
            try
            {
                results[i] = work(inputs[i]);
            }
            catch (Exception)
            {
                // skip the bad one, keep the others
            }
        });
        return results;
    }
}
