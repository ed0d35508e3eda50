using System.Diagnostics;
using System.Text.Json;
using Course;
using KataCheck;

namespace Coach;

internal enum KataState { Passed, Failed, DoesNotCompile, Broken }

internal sealed record TestOutcome(string Name, string Method, bool Passed, string? Message, string? Stack)
{
    /// <summary>The test's name as a sentence: A_producer_waits_while_the_buffer_is_full → "A producer waits while the buffer is full".</summary>
    public string Sentence => Method.Replace('_', ' ') + (Name.IndexOf('(') is var at and >= 0 ? " " + Name[at..] : "");
}

/// <summary>One run of one kata's tests.</summary>
internal sealed record KataRun(CourseKata Kata, KataState State, IReadOnlyList<TestOutcome> Tests, int TestCount, string? Detail, TimeSpan Took = default)
{
    public bool Passed => State == KataState.Passed;

    public TestOutcome? FirstFailure => Tests.FirstOrDefault(t => !t.Passed);

    /// <summary>The place of the first failing test among the kata's tests, from 1.</summary>
    public int FailedAt => Tests.TakeWhile(t => t.Passed).Count() + 1;
}

/// <summary>
/// Runs one kata's tests against your code: compiles the kata project in this process (<see cref="InProcessCompiler"/>),
/// puts it next to each of the section's test projects that hold the kata's test classes, built once
/// (<see cref="PreparedSection"/>), rewrites it for Coyote where that project has systematic tests, and runs only the
/// kata's classes with xunit's own engine in a small child process (tools/CoachTestHost), stopping at the first failure.
/// The first run of a section also builds its test projects once (about a minute in a fresh clone).
/// </summary>
internal sealed class KataRunner(string root, Action<string> say)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly Dictionary<string, (PreparedSection Section, InProcessCompiler Compiler)> _sections = [];

    public KataRun Run(CourseKata kata)
    {
        if (!_sections.TryGetValue(kata.Section, out var prepared))
        {
            var section = PreparedSection.Prepare(root, kata.Section, say);
            // Like the build, it treats warnings as errors (TreatWarningsAsErrors is on in this repository).
            _sections[kata.Section] = prepared = (section, new InProcessCompiler(section.Kata, root, warningsAsErrors: true));
        }
        var clock = Stopwatch.StartNew(); // the rerun's own cost, without the section's one-time preparation
        var sources = prepared.Section.CurrentSources().ToList();
        KataRun? result = null;
        foreach (var tests in prepared.Section.Build.TestsOf(root, kata))
        {
            var folder = tests.RunDirectories[0];
            if (prepared.Compiler.Compile(sources, folder) is { } errors)
            {
                return new KataRun(kata, KataState.DoesNotCompile, [], 0, errors, clock.Elapsed);
            }
            if (tests.CoyoteRewriter is not null && CoyoteRewrite.Run(tests.CoyoteRewriter,
                    Path.Combine(folder, prepared.Section.Kata.AssemblyName + ".dll"), tests.CoyoteDataRaceChecking) is { } rewriteError)
            {
                return new KataRun(kata, KataState.Broken, [], 0, rewriteError, clock.Elapsed);
            }
            var run = RunTests(kata, folder, tests.TestAssemblyName);
            result = result is null ? run : run with { Tests = [.. result.Tests, .. run.Tests], TestCount = result.TestCount + run.TestCount };
            if (!run.Passed)
            {
                break;
            }
        }
        return (result ?? new KataRun(kata, KataState.Broken, [], 0, $"No test project of {kata.Section} holds {kata.TestClass}.")) with { Took = clock.Elapsed };
    }

    private static KataRun RunTests(CourseKata kata, string folder, string testAssembly)
    {
        var name = Path.GetFileNameWithoutExtension(testAssembly);
        var (exitCode, output, errors) = Processes.Run(DotnetHost.Path,
            ["exec", "--depsfile", name + ".deps.json", "--runtimeconfig", name + ".runtimeconfig.json", "CoachTestHost.dll", testAssembly, .. kata.TestClasses],
            // Snapshots that are missing must not be written from the coach's copy.
            folder, Limit, new Dictionary<string, string> { ["SNAPSHOOTER_STRICT_MODE"] = "on" });
        if (exitCode == -1)
        {
            return new KataRun(kata, KataState.Failed, [], 0,
                $"The tests of {kata.Id} were still running after {Limit.TotalMinutes:0} minutes, so the coach stopped them: something waits for ever.");
        }
        var report = output.Split('\n').LastOrDefault(line => line.StartsWith(Marker, StringComparison.Ordinal)) is { } line
            ? JsonSerializer.Deserialize<HostReport>(line[Marker.Length..])! : null;
        if (report is null)
        {
            var crash = string.Join('\n', errors.Split('\n').Take(5)).Trim();
            return new KataRun(kata, KataState.Broken, [], 0, "The test process crashed before the tests finished (an exception escaped a thread of your code?):\n" + crash);
        }
        var state = report.Error is not null ? KataState.Broken
            : report.Tests.Count == report.Found && report.Tests.All(t => t.Passed) ? KataState.Passed : KataState.Failed;
        return new KataRun(kata, state, report.Tests, report.Found, report.Error);
    }

    // What tools/CoachTestHost prints last, on a line that starts with the marker.
    private const string Marker = "@@coach ";

    private sealed record HostReport(int Found, List<TestOutcome> Tests, string? Error);
}
