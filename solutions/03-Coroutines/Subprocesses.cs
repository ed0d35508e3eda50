using System.Diagnostics;

namespace Coroutines;

/// <summary>
/// Kata 2 (seed cell In [37]): run programs as child processes, several at a time, and report
/// how each one ended.
/// </summary>
public static class Subprocesses
{
    /// <summary>
    /// Runs one command to the end and returns its exit code and everything it wrote to standard
    /// output and standard error. A command that fails is not an exception: its exit code says so.
    /// Cancelling <paramref name="cancellationToken"/> stops the waiting: the caller gets an
    /// <see cref="OperationCanceledException"/> at once. (The process itself goes on; kata 4 stops it.)
    /// </summary>
    public static async Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            // One list entry per argument: no shell parses it, so nothing needs quoting.
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {command.FileName}.");

        // Read both pipes while the process runs. A pipe holds only about 64 kB: a process that
        // writes more than that waits until someone reads, so waiting for the exit first would hang.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await Task.WhenAll(output, error, process.WaitForExitAsync(cancellationToken));

        return new CommandResult(command.Name, process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Runs all the commands at the same time and returns one result per command, in the order
    /// of <paramref name="commands"/>. Failing commands are in the list too, with their exit code.
    /// </summary>
    public static async Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands)
    {
        var running = commands.Select(command => RunAsync(command)).ToList();
        return await Task.WhenAll(running);
    }
}
