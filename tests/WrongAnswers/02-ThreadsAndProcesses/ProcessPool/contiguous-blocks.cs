// Wrong answer: splits the inputs into one block per child: the first child gets the first part of the list, the second the next part, ...
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: the contract deals the inputs out in turn (child k gets inputs k, k + processes, ...) so every child gets a fair mix when costs grow along the list; loop with i += processes.

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
        var size = (inputs.Count + processes - 1) / processes;

        async Task Drive(int block)
        {
            using var child = Process.Start(worker)!;
            try
            {
                for (var i = block * size; i < Math.Min(inputs.Count, (block + 1) * size); i++)
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

        await Task.WhenAll(Enumerable.Range(0, processes).Select(Drive));
        return answers;
    }
}
