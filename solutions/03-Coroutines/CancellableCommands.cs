using System.Diagnostics;

namespace Coroutines;

/// <summary>
/// Kata 4 ("Going further: cancelling kills the child processes"): when the caller cancels,
/// stop waiting and also stop every process that was started, with its own children.
/// </summary>
public static class CancellableCommands
{
    /// <summary>
    /// Runs all the commands at the same time, like <see cref="Subprocesses.RunAllAsync"/>, and
    /// calls <paramref name="started"/> with the process id of each one as soon as it runs.
    /// When <paramref name="cancellationToken"/> is cancelled, every process still running is
    /// killed together with the processes it started, and the caller gets an
    /// <see cref="OperationCanceledException"/> once they are gone.
    /// </summary>
    public static async Task<CommandResult[]> RunAllAsync(
        IEnumerable<Command> commands,
        Action<int> started,
        CancellationToken cancellationToken)
    {
        var running = commands.Select(command => RunAsync(command, started, cancellationToken)).ToList();
        return await Task.WhenAll(running);
    }

    private static async Task<CommandResult> RunAsync(Command command, Action<int> started, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {command.FileName}.");
        started(process.Id);

        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The token only stopped our *waiting*: the process is still running. End it, and
            // whatever it started itself, then wait until it is really gone before we report.
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        return new CommandResult(command.Name, process.ExitCode, await output, await error);
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the cancel and the kill: nothing left to stop.
        }
    }
}
