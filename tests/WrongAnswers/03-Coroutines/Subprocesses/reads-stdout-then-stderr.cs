// Wrong answer: reads standard output to the end, then standard error, then waits for the exit
// Replaces: Subprocesses.cs
// Found by: test header
// Why it fails: while you read one pipe to its end, a command that fills the other pipe waits for a reader for ever; start ReadToEndAsync on both, then await them together with WaitForExitAsync.

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
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new CommandResult(command.Name, process.ExitCode, output, error);
    }

    public static Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands) =>
        Task.WhenAll(commands.Select(command => RunAsync(command)).ToList());
}
