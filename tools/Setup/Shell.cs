using System.Diagnostics;

namespace Setup;

/// <summary>Runs another program with its output shown, or quietly to ask a yes/no question.</summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="program"/> with the terminal's input and output; returns its exit code (127: not found).</summary>
    public static int Run(string program, params string[] arguments) => Start(program, arguments, quiet: false, TimeSpan.FromMinutes(15));

    /// <summary>True when <paramref name="program"/> exists and exits with 0 within a few seconds, its output hidden.</summary>
    public static bool Succeeds(string program, params string[] arguments) => Start(program, arguments, quiet: true, TimeSpan.FromSeconds(15)) == 0;

    private static int Start(string program, string[] arguments, bool quiet, TimeSpan limit)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = quiet, RedirectStandardError = quiet };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        Process? process;
        try
        {
            process = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return 127;
        }
        if (process is null)
        {
            return 127;
        }
        using (process)
        {
            if (quiet)
            {
                // Drain both pipes, so that a chatty program cannot block on a full one.
                _ = process.StandardOutput.ReadToEndAsync();
                _ = process.StandardError.ReadToEndAsync();
            }
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return 124;
            }
            return process.ExitCode;
        }
    }
}
