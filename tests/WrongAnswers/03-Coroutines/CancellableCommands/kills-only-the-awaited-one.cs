// Wrong answer: awaits the processes one by one and, when cancelled, kills only the one it was waiting for
// Replaces: CancellableCommands.cs
// Found by: blind review
// Why it fails: the processes it was not waiting for at that moment keep running; kill every process that is still running, each with its children.

using System.Diagnostics;

namespace Coroutines;

public static class CancellableCommands
{
    public static async Task<CommandResult[]> RunAllAsync(
        IEnumerable<Command> commands,
        Action<int> started,
        CancellationToken cancellationToken)
    {
        var running = commands.Select(command =>
        {
            var process = Start(command);
            started(process.Id);
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            return (command, process, output, error);
        }).ToList();

        var results = new List<CommandResult>();
        foreach (var (command, process, output, error) in running)
        {
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
            results.Add(new CommandResult(command.Name, process.ExitCode, await output, await error));
            process.Dispose();
        }
        return results.ToArray();
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
