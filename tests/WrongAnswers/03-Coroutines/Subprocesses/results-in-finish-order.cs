// Wrong answer: adds each result to a shared list when its command finishes
// Replaces: Subprocesses.cs
// Found by: blind review
// Why it fails: the results come out in the order the commands finished, not the order they were given; use the array that Task.WhenAll returns.

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
        var results = new System.Collections.Concurrent.ConcurrentQueue<CommandResult>();
        await Task.WhenAll(commands.Select(async command => results.Enqueue(await RunAsync(command))).ToList());
        return results.ToArray();
    }
}
