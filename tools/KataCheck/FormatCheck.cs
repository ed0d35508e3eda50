using System.Diagnostics;

namespace KataCheck;

/// <summary>
/// One C# style for the whole repository, written down in .editorconfig: `dotnet format --verify-no-changes` fails
/// when a file does not follow it, and lists what it would change (`dotnet format Katas.slnx` fixes it).
/// </summary>
public static class FormatCheck
{
    /// <summary>Runs the check; returns null when every file follows the style, or what dotnet format said.</summary>
    public static string? Run(string root, TimeSpan limit)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["format", "Katas.slnx", "--verify-no-changes", "-v", "q"])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            return $"dotnet format did not finish within {limit.TotalMinutes:0} minutes";
        }
        process.WaitForExit();
        if (process.ExitCode == 0)
        {
            return null;
        }
        var lines = (output.Result + errors.Result).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return $"{lines.Length} place(s) do not follow .editorconfig (run `dotnet format Katas.slnx`), first: {lines.FirstOrDefault()}";
    }
}
