using System.Text;
using CliWrap;

namespace KataCheck;

/// <summary>
/// The one way the maintainer check and the coach run a program to its end (dotnet, git, the Coyote rewriter, taskset),
/// on CliWrap like the broker and the setup command.
/// </summary>
public static class Processes
{
    /// <summary>
    /// Runs <paramref name="program"/> to its end, or kills it and its children after <paramref name="limit"/>.
    /// Returns its exit code (-1: out of time) and, unless <paramref name="showOutput"/>, what it printed.
    /// </summary>
    public static (int ExitCode, string Output, string Errors) Run(string program, IEnumerable<string> arguments, string workingDirectory,
        TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null, bool showOutput = false)
    {
        StringBuilder output = new(), errors = new();
        var command = Cli.Wrap(program).WithArguments(arguments).WithWorkingDirectory(workingDirectory)
            .WithEnvironmentVariables(variables =>
            {
                foreach (var (name, value) in environment ?? new Dictionary<string, string>())
                {
                    variables.Set(name, value);
                }
            })
            .WithStandardOutputPipe(showOutput ? PipeTarget.ToStream(Console.OpenStandardOutput()) : PipeTarget.ToStringBuilder(output))
            .WithStandardErrorPipe(showOutput ? PipeTarget.ToStream(Console.OpenStandardError()) : PipeTarget.ToStringBuilder(errors))
            .WithValidation(CommandResultValidation.None);
        using var timeLimit = new CancellationTokenSource(limit);
        try
        {
            return (command.ExecuteAsync(timeLimit.Token).GetAwaiter().GetResult().ExitCode, output.ToString(), errors.ToString());
        }
        catch (OperationCanceledException)
        {
            // CliWrap has killed the process tree.
            return (-1, output.ToString(), errors.ToString());
        }
    }
}
