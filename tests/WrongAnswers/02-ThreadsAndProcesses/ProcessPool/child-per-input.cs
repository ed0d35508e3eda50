// Wrong answer: starts a fresh child for every input, all at the same time
// Replaces: ProcessPool.cs
// Found by: test header
// Why it fails: a pool keeps a fixed number of children and reuses each one for many inputs; starting a process per input costs far more than the work. Start `processes` children and give child k the inputs k, k + processes, ...

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

        async Task Drive(int i)
        {
            using var child = Process.Start(worker)!;
            try
            {
                await child.StandardInput.WriteLineAsync(inputs[i].ToString());
                await child.StandardInput.FlushAsync();
                var line = await child.StandardOutput.ReadLineAsync()
                    ?? throw new InvalidOperationException($"The child died while working on {inputs[i]}.");
                var parts = line.Split(' ');
                answers[i] = (inputs[i], long.Parse(parts[0]), int.Parse(parts[1]));
            }
            finally
            {
                child.StandardInput.Close();
                await child.WaitForExitAsync();
                child.StandardOutput.Dispose();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, inputs.Count).Select(Drive));
        return answers;
    }
}
