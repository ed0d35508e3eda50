// Wrong answer: kills each child in the finally block, to be sure it is gone
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: killing stops a child in the middle of whatever it was doing and it never gets to finish cleanly; close its standard input ("no more work") and await WaitForExitAsync so it ends by itself.

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
                child.Kill();
                await child.WaitForExitAsync();
                child.StandardOutput.Dispose();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, processes).Select(Drive));
        return answers;
    }
}
