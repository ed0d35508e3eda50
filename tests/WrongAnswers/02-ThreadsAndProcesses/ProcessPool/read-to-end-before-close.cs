// Wrong answer: writes all of a child's inputs, then reads its answers with ReadToEndAsync, and closes its standard input afterwards
// Replaces: ProcessPool.cs
// Found by: test header
// Why it fails: ReadToEndAsync waits for the child to close its output, which it does only when it exits, and it exits only once its input is closed, so both sides wait for ever; read one answer line after each number you write.

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
                var mine = new List<int>();
                for (var i = first; i < inputs.Count; i += processes)
                {
                    await child.StandardInput.WriteLineAsync(inputs[i].ToString());
                    mine.Add(i);
                }
                await child.StandardInput.FlushAsync();
                var lines = (await child.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                for (var k = 0; k < mine.Count; k++)
                {
                    var i = mine[k];
                    if (k >= lines.Length)
                    {
                        throw new InvalidOperationException($"The child died while working on {inputs[i]}.");
                    }
                    var parts = lines[k].Split(' ');
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
