// Wrong answer: squares the numbers in the parent with Parallel.For and reports this process's own id
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: the work never leaves this process, so a crash or a hang in it takes the caller down too; start child processes from the worker and let them compute.

using System.Diagnostics;

namespace ThreadsAndProcesses;

public static class ProcessPool
{
    public static async Task<IReadOnlyList<(long Input, long Result, int ProcessId)>> MapAsync(
        ProcessStartInfo worker, IReadOnlyList<long> inputs, int processes)
    {
        worker.UseShellExecute = false;
        worker.RedirectStandardInput = true;
        worker.RedirectStandardOutput = true;
        var answers = new (long Input, long Result, int ProcessId)[inputs.Count];
        await Task.Run(() => Parallel.For(0, inputs.Count, i =>
        {
            if (inputs[i] < 0)
            {
                throw new InvalidOperationException("Negative numbers are not allowed.");
            }
            answers[i] = (inputs[i], inputs[i] * inputs[i], Environment.ProcessId);
        }));
        return answers;
    }
}
