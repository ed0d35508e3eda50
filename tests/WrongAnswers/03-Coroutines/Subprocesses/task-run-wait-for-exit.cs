// Wrong answer: waits for the exit with WaitForExit() on a thread-pool thread
// Replaces: Subprocesses.cs
// Found by: blind review
// Why it fails: WaitForExit blocks a whole thread while the process runs, so how many commands you can wait for at once depends on the machine's threads; await WaitForExitAsync, which needs no thread.

using System.Diagnostics;

namespace Coroutines;

public static class Subprocesses
{
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
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await Task.Run(() => process.WaitForExit(), cancellationToken);
        return new CommandResult(command.Name, process.ExitCode, await output, await error);
    }

    public static Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands) =>
        Task.WhenAll(commands.Select(command => RunAsync(command)).ToList());
}
