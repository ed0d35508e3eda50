// Wrong answer: every child adds its answers to one shared list under a lock, and the list is sorted by input at the end
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: sorting by input puts the answers in the order of their values, which is the input order only when the inputs were sorted to begin with; write each answer into the slot of its input's index.

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
        var answers = new List<(long Input, long Result, int ProcessId)>();

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
                    lock (answers) { answers.Add((inputs[i], long.Parse(parts[0]), int.Parse(parts[1]))); }
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
        return answers.OrderBy(a => a.Input).ToList();
    }
}
