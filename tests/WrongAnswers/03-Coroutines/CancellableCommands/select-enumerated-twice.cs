// Wrong answer: keeps the processes in a lazy Select and enumerates it again to kill them
// Replaces: CancellableCommands.cs
// Found by: blind review
// Why it fails: enumerating the Select again starts every command a second time, kills those new ones, and leaves the first ones running; turn the Select into a list once.

using System.Diagnostics;

namespace Coroutines;

public static class CancellableCommands
{
    public static async Task<CommandResult[]> RunAllAsync(
        IEnumerable<Command> commands,
        Action<int> started,
        CancellationToken cancellationToken)
    {
        var processes = commands.Select(command =>
        {
            var process = Start(command);
            started(process.Id);
            return (command, process);
        });
        try
        {
            return await Task.WhenAll(processes.Select(async running =>
            {
                var output = running.process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                var error = running.process.StandardError.ReadToEndAsync(CancellationToken.None);
                await running.process.WaitForExitAsync(cancellationToken);
                return new CommandResult(running.command.Name, running.process.ExitCode, await output, await error);
            }));
        }
        catch (OperationCanceledException)
        {
            foreach (var (_, process) in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
            throw;
        }
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
