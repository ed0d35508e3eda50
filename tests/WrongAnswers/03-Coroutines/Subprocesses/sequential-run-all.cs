// Wrong answer: awaits each command before starting the next one
// Replaces: Subprocesses.cs
// Found by: blind review
// Why it fails: the commands run one after another, so the total is the sum of their times; start RunAsync for every command, then await Task.WhenAll.

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
        await Task.WhenAll(output, error, process.WaitForExitAsync(cancellationToken));
        return new CommandResult(command.Name, process.ExitCode, await output, await error);
    }

    public static async Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands)
    {
        var results = new List<CommandResult>();
        foreach (var command in commands)
        {
            results.Add(await RunAsync(command));
        }
        return results.ToArray();
    }
}
