// Wrong answer: joins the arguments into one command line string
// Replaces: Subprocesses.cs
// Found by: blind review
// Why it fails: an argument with spaces or quotes is split or changed on the way; add each argument on its own to ProcessStartInfo.ArgumentList.

using System.Diagnostics;

namespace Coroutines;

public static class Subprocesses
{
    public static async Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(command.FileName, string.Join(" ", command.Arguments))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await Task.WhenAll(output, error, process.WaitForExitAsync(cancellationToken));
        return new CommandResult(command.Name, process.ExitCode, await output, await error);
    }

    public static Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands) =>
        Task.WhenAll(commands.Select(command => RunAsync(command)).ToList());
}
