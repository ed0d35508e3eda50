// Wrong answer: reads both outputs with ReadToEnd() on thread-pool threads
// Replaces: Subprocesses.cs
// Found by: blind review
// Why it fails: each ReadToEnd blocks a whole thread until the command ends, two per command, so how many commands run well at once depends on the machine; use ReadToEndAsync, which needs no thread while it waits.

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
        var output = Task.Run(() => process.StandardOutput.ReadToEnd());
        var error = Task.Run(() => process.StandardError.ReadToEnd());
        await Task.WhenAll(output, error, process.WaitForExitAsync(cancellationToken));
        return new CommandResult(command.Name, process.ExitCode, await output, await error);
    }

    public static Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands) =>
        Task.WhenAll(commands.Select(command => RunAsync(command)).ToList());
}
