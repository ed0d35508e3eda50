// Wrong answer: closes each child's input and waits for it after its loop, but not in a finally
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: when something goes wrong half-way (an answer that does not parse, a child that dies), the clean-up is skipped and the other children are left running; close the input and wait for the child in a finally block.

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
            var child = Process.Start(worker)!;
            for (var i = first; i < inputs.Count; i += processes)
            {
                await child.StandardInput.WriteLineAsync(inputs[i].ToString());
                await child.StandardInput.FlushAsync();
                var line = await child.StandardOutput.ReadLineAsync()
                    ?? throw new InvalidOperationException($"The child died while working on {inputs[i]}.");
                var parts = line.Split(' ');
                answers[i] = (inputs[i], long.Parse(parts[0]), int.Parse(parts[1]));
            }
            child.StandardInput.Close();
            await child.WaitForExitAsync();
            child.StandardOutput.Dispose();
            child.Dispose();
        }

        await Task.WhenAll(Enumerable.Range(0, processes).Select(Drive));
        return answers;
    }
}
