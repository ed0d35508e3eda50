// Wrong answer: each call goes to Task.Run, but its Result is read before the next task is started
// Replaces: ParallelMap.cs
// Found by: blind review
// Why it fails: reading .Result right after Task.Run waits for that call before the next one starts, so the calls still run one at a time; start them all first, or use Parallel.For.

namespace ThreadsAndProcesses;

public static class ParallelMap
{
    public static TResult[] Map<TInput, TResult>(IReadOnlyList<TInput> inputs, Func<TInput, TResult> work) =>
        inputs.Select(x => Task.Run(() => work(x)).Result).ToArray();
}
