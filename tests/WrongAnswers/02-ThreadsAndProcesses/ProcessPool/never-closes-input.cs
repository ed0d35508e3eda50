// Wrong answer: when a child's share is done, waits for it to exit, without closing its standard input
// Replaces: ProcessPool.cs
// Found by: test header
// Why it fails: the child is waiting for more numbers and only stops when its standard input closes, so both sides wait for ever; close the child's standard input first ("no more work"), then await WaitForExitAsync().

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
                await child.WaitForExitAsync();
                child.StandardOutput.Dispose();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, processes).Select(Drive));
        return answers;
    }
}
