// Wrong answer: leaves the commands that failed out of the list
// Replaces: Subprocesses.cs
// Found by: blind review
// Why it fails: the caller never hears about the commands that failed; keep one result per command, failures included, in the order of the commands.

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
        var results = await Task.WhenAll(commands.Select(command => RunAsync(command)).ToList());
        return results.Where(result => result.ExitCode == 0).ToArray();
    }
}
