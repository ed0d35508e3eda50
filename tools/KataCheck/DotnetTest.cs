using System.Diagnostics;

namespace KataCheck;

/// <summary>Runs `dotnet test` with a TRX logger and a time limit, so that a hanging run cannot hang the check.</summary>
public static class DotnetTest
{
    /// <param name="launcher">A command that starts `dotnet` for us, with its arguments (`taskset -c 0`), or null.</param>
    public static int Run(string workingDirectory, IEnumerable<string> arguments, string resultsDirectory,
        TimeSpan limit, string? logFile, IReadOnlyList<string>? runSettings = null, IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? launcher = null)
    {
        var start = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = logFile is not null,
            RedirectStandardError = logFile is not null,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        foreach (var launcherArgument in launcher?.Skip(1) ?? [])
        {
            start.ArgumentList.Add(launcherArgument);
        }
        if (launcher is { Count: > 0 })
        {
            start.ArgumentList.Add("dotnet");
        }
        start.ArgumentList.Add("test");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("--logger");
        start.ArgumentList.Add("trx");
        start.ArgumentList.Add("--results-directory");
        start.ArgumentList.Add(resultsDirectory);
        if (runSettings is { Count: > 0 })
        {
            // Inline RunSettings come last, after `--`.
            start.ArgumentList.Add("--");
            foreach (var setting in runSettings)
            {
                start.ArgumentList.Add(setting);
            }
        }

        using var process = Process.Start(start)!;
        Task copyOutput = Task.CompletedTask;
        if (logFile is not null)
        {
            var log = new StreamWriter(logFile);
            copyOutput = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(log.BaseStream),
                                      process.StandardError.BaseStream.CopyToAsync(log.BaseStream))
                             .ContinueWith(_ => log.Dispose(), TaskScheduler.Default);
        }

        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            copyOutput.Wait(TimeSpan.FromSeconds(10));
            return -1;
        }
        process.WaitForExit();
        copyOutput.Wait(TimeSpan.FromSeconds(10));
        return process.ExitCode;
    }
}
