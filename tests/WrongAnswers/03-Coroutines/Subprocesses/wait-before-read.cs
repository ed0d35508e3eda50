// Wrong answer: waits for the process to exit, then reads its output
// Replaces: Subprocesses.cs
// Found by: blind review
// Why it fails: a pipe holds only about 64 kB, so a command that writes more waits for a reader while you wait for its exit, for ever; start ReadToEndAsync on both outputs before waiting.

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
        await process.WaitForExitAsync(cancellationToken);
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        return new CommandResult(command.Name, process.ExitCode, output, error);
    }

    public static Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands) =>
        Task.WhenAll(commands.Select(command => RunAsync(command)).ToList());
}
