namespace KataCheck;

/// <summary>
/// A kata's verdict must not depend on the machine it runs on: a test that only passes, or only fails, because the
/// machine has 2 cores teaches luck. So the check runs every section's tests again in solution mode, on the build that
/// solution mode left behind, under machine shapes unlike the one CI has: the runtime told it has 1 core or 16
/// (DOTNET_PROCESSOR_COUNT sizes the thread pool, Parallel.For and PLINQ), and the whole run pinned to one CPU with
/// `taskset -c 0`, where threads really take turns. The wrong-answer corpus gives its verdicts on the default shape;
/// `DOTNET_PROCESSOR_COUNT=16 dotnet run --project tools/KataCheck -- --wrong-answers` tries it on another.
/// </summary>
/// <param name="Launcher">A command that starts `dotnet` for us, or none.</param>
public sealed record MachineShape(string Name, string Slug, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string> Launcher)
{
    /// <summary>The shapes this machine can give: `taskset` only where it exists (Linux).</summary>
    public static IEnumerable<MachineShape> Available()
    {
        yield return new("DOTNET_PROCESSOR_COUNT=1", "cores-1", new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" }, []);
        yield return new("DOTNET_PROCESSOR_COUNT=16", "cores-16", new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "16" }, []);
        if (OperatingSystem.IsLinux() && File.Exists("/usr/bin/taskset"))
        {
            yield return new("taskset -c 0", "one-cpu", new Dictionary<string, string>(), ["/usr/bin/taskset", "-c", "0"]);
        }
    }
}
