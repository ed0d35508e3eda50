using System.Diagnostics;

namespace Broker;

/// <summary>Stopping the processes the local server started, and only those.</summary>
internal static class Processes
{
    public static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It already exited.
        }
    }

    /// <summary>Kills <paramref name="pid"/> only if that process is still the program we started (pids are reused).</summary>
    public static void KillIfItIs(int? pid, string program)
    {
        if (pid is null)
        {
            return;
        }
        try
        {
            using var process = Process.GetProcessById(pid.Value);
            if (process.ProcessName.Contains(program, StringComparison.OrdinalIgnoreCase))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (ArgumentException)
        {
            // No such process any more.
        }
        catch (InvalidOperationException)
        {
        }
    }

    public static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
