using Microsoft.Coyote;
using Microsoft.Coyote.Rewriting;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;
using Xunit.Sdk;

/// <summary>The kata a systematic test checks, and the notebook cell a learner should read when it fails.</summary>
/// <param name="TestProject">The test project that holds the kata's tests, for the replay command (tests/02-ThreadsAndProcesses.Tests).</param>
public sealed record Lesson(string Kata, string Notebook, string Cell, string TestProject);

/// <summary>
/// Systematic concurrency tests with Microsoft Coyote. The ordinary tests wait for the operating system to interleave
/// threads badly, which may never happen on one core. Here Coyote's scheduler decides, at every await, lock, Interlocked
/// call and field read or write, which task runs next, and tries many different orders (one per iteration). A race is
/// then found on any machine, and the seed that found it replays it.
/// </summary>
/// <remarks>
/// Needs the test and kata assemblies rewritten by Coyote (tests/Coyote.targets does it after each build of a project
/// that has *SystematicTests.cs files). Environment variables, for exploring by hand:
///   COYOTE_SEED=N        start from seed N (the failure message names the seed that replays it);
///   COYOTE_ITERATIONS=N  try N interleavings instead of the test's own number (1 with a seed: replay that one).
/// </remarks>
public static class Systematic
{
    /// <summary>
    /// The first seed, fixed so that a run explores the same interleavings every time: a verdict that does not
    /// depend on luck. Each iteration uses the next seed. Each test's number of iterations is at least four times the
    /// iteration at which its listed wrong answers failed from this seed (all within the first 15): each iteration is a
    /// few hundred thread hand-offs, slow on a busy machine, so the budgets stay small.
    /// </summary>
    public const uint DefaultSeed = 2024;

    /// <summary>
    /// Runs <paramref name="test"/> under Coyote's scheduler, <paramref name="iterations"/> times with different
    /// interleavings, and fails (with the interleaving told step by step) at the first one that breaks an assertion,
    /// throws, or deadlocks. <paramref name="test"/> drives the kata from Task.Run calls, writes what each task does
    /// into the <see cref="Interleaving"/> it is given, and checks the outcome with <see cref="Interleaving.Check"/>.
    /// </summary>
    /// <param name="uncontrolledBlocking">
    /// True when a correct answer blocks inside code that Coyote does not rewrite (BlockingCollection.Take): Coyote then
    /// waits a moment for that call instead of calling it a deadlock. A real deadlock still fails the ordinary tests.
    /// </param>
    public static void Explore(Lesson lesson, int iterations, Func<Interleaving, Task> test, bool uncontrolledBlocking = false)
    {
        if (!IsRewritten(test))
        {
            throw new XunitException(
                $"{lesson.Kata}: the systematic tests ran on assemblies that Coyote has not rewritten, so it could not choose " +
                "the interleavings. Build with `dotnet test` (tests/Coyote.targets rewrites them after the build).");
        }
        var seed = EnvironmentNumber("COYOTE_SEED") ?? DefaultSeed;
        var runs = EnvironmentNumber("COYOTE_ITERATIONS") ?? (uint)iterations;

        Interleaving? current = null;
        NotImplementedException? unfinishedKata = null;
        var configuration = Configuration.Create()
            .WithTestingIterations(runs)
            .WithRandomGeneratorSeed(seed)
            // Random choices at each step: each iteration depends on its own seed only, so one seed replays one iteration.
            .WithRandomStrategy()
            // Also switch tasks at each read and write of a field: that is where `_value++` loses an update.
            .WithMemoryAccessRaceCheckingEnabled(true)
            // A bad answer may loop for ever (a worker that never ends): stop such an iteration after this many steps.
            .WithMaxSchedulingSteps(5000)
            // "Potential" deadlocks are guesses from a timer: on a busy machine a task that waits over a second for the
            // processor looks hung. Real deadlocks (every task waiting for another) are still reported.
            .WithPotentialDeadlocksReportedAsBugs(false)
            // Coyote would otherwise send anonymous usage data over the network; tests talk to 127.0.0.1 only.
            .WithTelemetryEnabled(false);
        if (uncontrolledBlocking)
        {
            configuration = configuration.WithDeadlockTimeout(50).WithUncontrolledConcurrencyResolutionTimeout(attempts: 5, delay: 10);
        }
        using var engine = TestingEngine.Create(configuration, async () =>
        {
            current = new Interleaving();
            try
            {
                await test(current);
            }
            catch (NotImplementedException stub)
            {
                // An untouched kata: its own message (which file to edit, which cell to read) is the whole story.
                unfinishedKata ??= stub;
                throw;
            }
        });
        engine.Run();

        if (unfinishedKata is not null)
        {
            throw unfinishedKata;
        }
        if (engine.TestReport.NumOfFoundBugs == 0)
        {
            return;
        }

        // The engine stops at the first bug, so the last iteration it started is the one that failed.
        var failedIteration = (uint)(engine.TestReport.NumOfExploredUnfairPaths + engine.TestReport.NumOfExploredFairPaths);
        var failedSeed = seed + Math.Max(failedIteration, 1) - 1;
        throw new XunitException(Story(lesson, current, engine.TestReport.BugReports.FirstOrDefault() ?? "", failedIteration, runs, failedSeed,
            SaveTrace(lesson, engine.ReproducibleTrace)));
    }

    private static string Story(Lesson lesson, Interleaving? steps, string bug, uint iteration, uint iterations, uint seed, string? traceFile)
    {
        var lines = new List<string>
        {
            $"{lesson.Kata}: Coyote found an interleaving that breaks your code (iteration {iteration} of {iterations}, seed {seed}).",
            "",
            "Coyote ran the tasks one small step at a time, in an order it chose. What each task did, in that order:",
        };
        var told = steps?.Steps ?? [];
        lines.AddRange(told.Count > 0 ? told.Select((step, n) => $"  {n + 1,2}. {step}") : ["  (no step was written down)"]);
        lines.Add("");
        lines.Add("What went wrong: " + WhatWentWrong(bug, steps));
        if (steps?.Explanation is { } explanation)
        {
            lines.Add("Why: " + explanation);
        }
        lines.Add("");
        lines.Add($"Read notebooks/{lesson.Notebook}, the cell that starts with '// {lesson.Cell}'.");
        lines.Add($"Replay exactly this interleaving: COYOTE_SEED={seed} COYOTE_ITERATIONS=1 dotnet test {lesson.TestProject} --filter {lesson.Kata}SystematicTests");
        if (traceFile is not null)
        {
            lines.Add($"(Coyote's own trace of every scheduling step: {traceFile})");
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static string WhatWentWrong(string bug, Interleaving? steps)
    {
        if (steps?.Failure is { } failure)
        {
            return failure;
        }
        if (bug.Contains("Deadlock detected", StringComparison.Ordinal))
        {
            return "nobody could go on: every task was waiting for another one (a deadlock). Look at the last steps: " +
                "who was waiting for what? (" + bug.Split('.')[0] + ".)";
        }
        return bug;
    }

    // Compares against the assembly that holds the test: tests/Coyote.targets rewrites it together with the kata.
    private static bool IsRewritten(Delegate test) => RewritingEngine.IsAssemblyRewritten(test.Method.DeclaringType!.Assembly);

    private static string? SaveTrace(Lesson lesson, string trace)
    {
        if (string.IsNullOrEmpty(trace))
        {
            return null;
        }
        try
        {
            var folder = Path.Combine(Path.GetTempPath(), "coyote-traces");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{lesson.Kata}.trace.json");
            File.WriteAllText(file, trace);
            return file;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static uint? EnvironmentNumber(string name) =>
        uint.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}

/// <summary>
/// What the tasks of one iteration did, in the order Coyote ran them, written down by the test in plain words
/// ("task A: calls Increment()"). Coyote runs one controlled task at a time, so the list keeps the true order; the lock
/// is for threads Coyote does not control (PLINQ's), which may write at the same moment.
/// </summary>
[SkipRewriting("The record of the interleaving is not code under test: Coyote must not switch tasks inside it.")]
public sealed class Interleaving
{
    private readonly List<string> _steps = [];

    public IReadOnlyList<string> Steps
    {
        get
        {
            lock (_steps)
            {
                return [.. _steps];
            }
        }
    }

    /// <summary>The assertion that failed, in the learner's words.</summary>
    public string? Failure { get; private set; }

    /// <summary>What the steps mean: which task read what and wrote what, said for someone new to concurrency.</summary>
    public string? Explanation { get; private set; }

    public void Step(string who, string what)
    {
        lock (_steps)
        {
            _steps.Add($"{who}: {what}");
        }
    }

    /// <summary>Fails this iteration when <paramref name="ok"/> is false; <paramref name="why"/> explains the steps above.</summary>
    public void Check(bool ok, string whatWentWrong, string? why = null)
    {
        if (!ok)
        {
            Failure = whatWentWrong;
            Explanation = why;
        }
        Specification.Assert(ok, "{0}", whatWentWrong);
    }
}
