// Wrong answer: when ReadLineAsync returns null the loop just moves on to the next input
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: a child that died leaves empty answers and nobody is told; when ReadLineAsync returns null the child has gone, so throw an exception that says which input it died on.

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
                    var line = await child.StandardOutput.ReadLineAsync();
                    if (line is null)
                    {
                        continue;
                    }
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
