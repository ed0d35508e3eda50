// Wrong answer: waits for the processes without the token, checking it only at the start
// Replaces: CancellableCommands.cs
// Found by: blind review
// Why it fails: once the commands run, cancelling does nothing and the caller waits until they end by themselves; pass the token to WaitForExitAsync and kill the processes when it is cancelled.

using System.Diagnostics;

namespace Coroutines;

public static class CancellableCommands
{
    public static Task<CommandResult[]> RunAllAsync(
        IEnumerable<Command> commands,
        Action<int> started,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.WhenAll(commands.Select(command => RunAsync(command, started)).ToList());
    }

    private static async Task<CommandResult> RunAsync(Command command, Action<int> started)
    {
        using var process = Start(command);
        started(process.Id);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        await process.WaitForExitAsync(CancellationToken.None);
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
