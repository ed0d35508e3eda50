// Wrong answer: stops waiting when cancelled, and leaves the processes alone
// Replaces: CancellableCommands.cs
// Found by: blind review
// Why it fails: cancelling the token passed to WaitForExitAsync only stops your waiting, and the processes keep running; kill each one with Kill(entireProcessTree: true) and wait for its exit.

using System.Diagnostics;

namespace Coroutines;

public static class CancellableCommands
{
    public static Task<CommandResult[]> RunAllAsync(
        IEnumerable<Command> commands,
        Action<int> started,
        CancellationToken cancellationToken) =>
        Task.WhenAll(commands.Select(command => RunAsync(command, started, cancellationToken)).ToList());

    private static async Task<CommandResult> RunAsync(Command command, Action<int> started, CancellationToken cancellationToken)
    {
        using var process = Start(command);
        started(process.Id);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(cancellationToken);
        return new CommandResult(command.Name, process.ExitCode, await output, await error);
    }

    private static Process Start(Command command)
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
        return Process.Start(start)!;
    }
}
