// Wrong answer: does not redirect standard error and reports it as empty
// Replaces: Subprocesses.cs
// Found by: blind review
// Why it fails: whatever the command wrote to standard error is lost (it goes to the console instead of the result); redirect and read standard error too.

using System.Diagnostics;

namespace Coroutines;

public static class Subprocesses
{
    public static async Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await Task.WhenAll(output, process.WaitForExitAsync(cancellationToken));
        return new CommandResult(command.Name, process.ExitCode, await output, "");
    }

    public static Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands) =>
        Task.WhenAll(commands.Select(command => RunAsync(command)).ToList());
}
