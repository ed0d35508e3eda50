// Wrong answer: the loop per child is an async method, but it writes and reads with the blocking WriteLine and ReadLine
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: an async method runs on the caller's thread until its first await, so each child's whole share runs before the next child's loop even starts; use WriteLineAsync, FlushAsync and ReadLineAsync.

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
                    child.StandardInput.WriteLine(inputs[i].ToString());
                    child.StandardInput.Flush();
                    var line = child.StandardOutput.ReadLine()
                        ?? throw new InvalidOperationException($"The child died while working on {inputs[i]}.");
                    var parts = line.Split(' ');
                    answers[i] = (inputs[i], long.Parse(parts[0]), int.Parse(parts[1]));
                }
            }
            finally
            {
                child.StandardInput.Close();
                child.WaitForExit();
                child.StandardOutput.Dispose();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, processes).Select(Drive));
        return answers;
    }
}
