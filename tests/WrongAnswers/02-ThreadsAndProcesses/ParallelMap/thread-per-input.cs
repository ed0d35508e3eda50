// Wrong answer: one new Thread for every input, all started, then all joined
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: a thousand inputs start a thousand threads, each with its own megabyte of stack; share the inputs out over the thread pool with Parallel.For or PLINQ instead.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work)
    {
        var results = new TResult[inputs.Count];
        var threads = new List<Thread>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var index = i;
            var thread = new Thread(() => results[index] = work(inputs[index]));
            thread.Start();
            threads.Add(thread);
        }
        foreach (var thread in threads)
        {
            thread.Join();
        }
        return results;
    }
}
