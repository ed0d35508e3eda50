using System.Diagnostics;

namespace Coach.Tests;

/// <summary>Starts the coach as a learner would, from the Coach.dll built next to these tests.</summary>
internal static class CoachProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Coach.dll");

    public static (int ExitCode, string Output, string Errors) Run(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in (string[])[Dll, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"coach {string.Join(' ', arguments)} did not end within 5 minutes");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }
}
