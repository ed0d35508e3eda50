// Wrong answer: one child at a time: start child 0, give it its share, close it, then start child 1
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: the children never run at the same time, so the pool is no faster than one child; start every child first and drive them side by side with one async loop each and Task.WhenAll.

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

        async Task Drive(int first)
        {
            using var child = Process.Start(worker)!;
            try
            {
                for (var i = first; i < inputs.Count; i += processes)
                {
                    await child.StandardInput.WriteLineAsync(inputs[i].ToString());
                    await child.StandardInput.FlushAsync();
                    var line = await child.StandardOutput.ReadLineAsync()
                        ?? throw new InvalidOperationException($"The child died while working on {inputs[i]}.");
                    var parts = line.Split(' ');
                    answers[i] = (inputs[i], long.Parse(parts[0]), int.Parse(parts[1]));
                }
            }
            finally
            {
                child.StandardInput.Close();
                await child.WaitForExitAsync();
                child.StandardOutput.Dispose();
            }
        }

        for (var k = 0; k < processes; k++)
        {
            await Drive(k);
        }
        return answers;
    }
}
