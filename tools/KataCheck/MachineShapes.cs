namespace KataCheck;

/// <summary>
/// A kata's verdict must not depend on the machine it runs on: a test that only passes, or only fails, because the
/// machine has 2 cores teaches luck. This step runs every section's tests again in solution mode, on the build that
/// solution mode left behind, under machine shapes unlike the one CI has: the runtime told it has 1 core or 16
/// (DOTNET_PROCESSOR_COUNT sizes the thread pool, Parallel.For and PLINQ), and the whole run pinned to one CPU with
/// `taskset -c 0`, where threads really take turns. The wrong-answer corpus gives its verdicts on the default shape;
/// `DOTNET_PROCESSOR_COUNT=16 dotnet run --project tools/KataCheck -- --wrong-answers` tries it on another.
/// </summary>
public static class MachineShapes
{
    /// <summary>One way to run the tests: a name for the report, the environment, and a launcher (or none).</summary>
    public sealed record Shape(string Name, string Slug, IReadOnlyDictionary<string, string> Environment, IReadOnlyList<string>? Launcher);

    /// <summary>The shapes this machine can give: `taskset` only where it exists (Linux).</summary>
    public static IReadOnlyList<Shape> Available()
    {
        var shapes = new List<Shape>
        {
            new("DOTNET_PROCESSOR_COUNT=1", "cores-1", new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" }, null),
            new("DOTNET_PROCESSOR_COUNT=16", "cores-16", new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "16" }, null),
        };
        if (OperatingSystem.IsLinux() && File.Exists("/usr/bin/taskset"))
        {
            shapes.Add(new("taskset -c 0", "one-cpu", new Dictionary<string, string>(), ["/usr/bin/taskset", "-c", "0"]));
        }
        return shapes;
    }

    /// <summary>
    /// Runs each section's test project (already built in solution mode) under each shape. Returns every result, and
    /// adds a problem for each test that does not pass, naming the shape.
    /// </summary>
    public static List<TestResult> Run(string root, IReadOnlyList<string> sectionTestDirectories, string resultsFolder, List<string> problems)
    {
        var all = new List<TestResult>();
        foreach (var shape in Available())
        {
            var shapeResults = new List<TestResult>();
            foreach (var testDirectory in sectionTestDirectories)
            {
                var folder = Path.Combine(resultsFolder, shape.Slug, Path.GetFileName(testDirectory));
                Directory.CreateDirectory(folder);
                var exitCode = DotnetTest.Run(root, [testDirectory, "-p:KataSource=Solutions", "--no-build"], folder,
                    TimeSpan.FromMinutes(10), Path.Combine(folder, "dotnet-test.log"), environment: shape.Environment, launcher: shape.Launcher);
                var run = TrxReport.ReadAll(folder);
                if (exitCode == -1)
                {
                    problems.Add($"{shape.Name}: {Path.GetFileName(testDirectory)} did not finish within 10 minutes");
                }
                else if (run.Count == 0)
                {
                    problems.Add($"{shape.Name}: {Path.GetFileName(testDirectory)} ran no test (see {Path.GetRelativePath(root, folder)}/dotnet-test.log)");
                }
                problems.AddRange(run.Where(r => !r.Passed).Select(r => $"{shape.Name}: {r.Assembly} {r.Name} is {r.Outcome} (it passes on this machine's own shape)"));
                shapeResults.AddRange(run);
            }
            Console.WriteLine($"kata-check: kata tests under {shape.Name}: {shapeResults.Count(r => r.Passed)} of {shapeResults.Count} passed");
            all.AddRange(shapeResults);
        }
        return all;
    }
}
