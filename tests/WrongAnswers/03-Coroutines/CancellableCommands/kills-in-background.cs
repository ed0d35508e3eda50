// Wrong answer: rethrows the cancellation at once and kills the process from a Task.Run afterwards
// Replaces: CancellableCommands.cs
// Found by: test header
// Why it fails: the caller hears that everything was cancelled while the processes are still running; kill each one, await its exit, and only then rethrow.

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
        var process = Process.Start(start)!;
        started(process.Id);
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            _ = Task.Run(async () =>
            {
                await Task.Delay(300);
                process.Kill(entireProcessTree: true);
                process.Dispose();
            });
            throw;
        }
        var result = new CommandResult(command.Name, process.ExitCode, await output, await error);
        process.Dispose();
        return result;
    }
}
