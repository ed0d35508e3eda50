using System.Diagnostics;

/// <summary>
/// Looks up processes by id, to check that the child processes a test started are gone, and kills what a wrong answer
/// left behind. The one home of process liveness: the sections whose katas start processes (2 and 3) link it, and so
/// does tools/Broker, to stop what a crashed run of rabbitmq-server left behind. Internal, so that each copy stays private.
/// </summary>
internal static class ChildProcesses
{
    private static readonly bool HasProc = Directory.Exists("/proc/self");

    /// <summary>
    /// True while the process is alive. A process that has ended but whose parent has not yet
    /// collected its exit code (a "zombie") no longer runs, so it counts as gone.
    /// </summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            if (!HasProc)
            {
                // No /proc (macOS): ask .NET. It cannot tell a zombie from a live process, which only
                // makes this check stricter.
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }

            // /proc/<pid>/stat reads "pid (name) S ...": the letter after the name is the state.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for every process to be gone; returns the ones still running.</summary>
    public static async Task<List<int>> StillRunningAfter(IEnumerable<int> pids, TimeSpan grace)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var running = pids.Where(IsRunning).ToList();
            if (running.Count == 0 || deadline.Elapsed > grace)
            {
                return running;
            }
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Cleans up after a wrong answer: kills the processes this test started that are still alive, and waits a little
    /// for each to end, so that no `sleep 60` outlives the test. Only processes named one of <paramref name="programs"/>
    /// are touched, in case an id was reused.
    /// </summary>
    public static void KillLeftovers(IEnumerable<int> pids, params string[] programs)
    {
        foreach (var pid in pids.Where(IsRunning))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (programs.Contains(process.ProcessName))
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(5000);
                }
            }
            catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
    }
}
