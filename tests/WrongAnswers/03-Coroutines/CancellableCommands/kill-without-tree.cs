// Wrong answer: kills each process with Kill(), without its children
// Replaces: CancellableCommands.cs
// Found by: blind review
// Why it fails: the processes that a command started itself keep running after the cancellation; use Kill(entireProcessTree: true).

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
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }
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
