// Wrong answer: the reference pool as it was: `using var child` disposes each Process, and nothing else is closed
// Replaces: ProcessPool.cs
// Found by: blind review
// Why it fails: disposing a Process does not close the pipe its answers came through, so every child leaves one open file descriptor behind until the garbage collector happens to run; also dispose child.StandardOutput when the child has exited.

using System.Diagnostics;
using System.Globalization;

namespace ThreadsAndProcesses;

/// <summary>
/// Kata 4 (real multi-processing): the same work as <see cref="ParallelMap"/>, but computed in
/// child processes that talk to the parent over their standard input and output.
/// </summary>
public static class ProcessPool
{
    /// <summary>
    /// Starts <paramref name="processes"/> children from <paramref name="worker"/> and shares the
    /// inputs out among them: child <c>k</c> gets inputs <c>k</c>, <c>k + processes</c>, ... For
    /// each input, write the number on one line of the child's standard input and read its answer,
    /// one line <c>"result pid"</c>, from its standard output. Returns the answers in input order.
    /// Before it returns (or throws), every child has exited: close its standard input to let it
    /// end, and wait for it. If a child dies without answering, throw an exception (do not wait
    /// for an answer that will never come).
    /// </summary>
    public static async Task<IReadOnlyList<(long Input, long Result, int ProcessId)>> MapAsync(
        ProcessStartInfo worker, IReadOnlyList<long> inputs, int processes)
    {
        // The child talks to us through pipes, not a console window.
        worker.UseShellExecute = false;
        worker.RedirectStandardInput = true;
        worker.RedirectStandardOutput = true;

        var answers = new (long Input, long Result, int ProcessId)[inputs.Count];
        var children = Enumerable.Range(0, processes)
            .Select(k => RunChildAsync(worker, inputs, first: k, step: processes, answers))
            .ToArray();
        // Each child runs on its own; WhenAll waits for all of them and rethrows the first failure.
        await Task.WhenAll(children);
        return answers;
    }

    private static async Task RunChildAsync(
        ProcessStartInfo worker, IReadOnlyList<long> inputs, int first, int step,
        (long Input, long Result, int ProcessId)[] answers)
    {
        using var child = Process.Start(worker)
            ?? throw new InvalidOperationException($"Could not start {worker.FileName}.");
        try
        {
            for (var i = first; i < inputs.Count; i += step)
            {
                await child.StandardInput.WriteLineAsync(inputs[i].ToString(CultureInfo.InvariantCulture));
                await child.StandardInput.FlushAsync();

                // null means end of file: the child has gone away without answering.
                var line = await child.StandardOutput.ReadLineAsync();
                if (line is null)
                {
                    await child.WaitForExitAsync();
                    throw new InvalidOperationException(
                        $"The child process {child.Id} exited with code {child.ExitCode} while working on {inputs[i]}.");
                }

                var parts = line.Split(' ');
                answers[i] = (inputs[i], long.Parse(parts[0], CultureInfo.InvariantCulture),
                    int.Parse(parts[1], CultureInfo.InvariantCulture));
            }
        }
        finally
        {
            await StopAsync(child);
        }
    }

    // Closing standard input is the polite "no more work": the child reads end of file and exits.
    // If it does not exit in time, kill it, so that no child outlives the pool.
    private static async Task StopAsync(Process child)
    {
        try
        {
            child.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child is already gone and the pipe is broken: nothing left to close.
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await child.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
    }
}
