// Wrong answer: runs the commands one after another, each killed when cancelled
// Replaces: CancellableCommands.cs
// Found by: blind review
// Why it fails: the commands do not run at the same time, so only the first one is running when the caller cancels and the rest wait for nothing; start every command, then await them all together.

using System.Diagnostics;

namespace Coroutines;

public static class CancellableCommands
{
    public static async Task<CommandResult[]> RunAllAsync(
        IEnumerable<Command> commands,
        Action<int> started,
        CancellationToken cancellationToken)
    {
        var results = new List<CommandResult>();
        foreach (var command in commands)
        {
            results.Add(await RunAsync(command, started, cancellationToken));
        }
        return results.ToArray();
    }

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
            process.Kill(entireProcessTree: true);
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
