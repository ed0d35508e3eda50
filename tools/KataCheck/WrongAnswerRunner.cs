using System.Diagnostics;
using System.Text.RegularExpressions;
using Broker;
using Course;

namespace KataCheck;

/// <summary>What the tests did with one wrong answer. Only <see cref="Rejected"/> is good.</summary>
public enum Verdict { Rejected, Accepted, Hung, Crashed, DoesNotCompile, NoTestsRan }

public sealed record WrongAnswerResult(WrongAnswer Answer, Verdict Verdict, string Detail, TimeSpan Took);

/// <summary>
/// Swaps each wrong answer into its section's solution assembly and runs only that kata's tests against it.
/// The tests must reject every answer with a failing test and a message: an answer they accept teaches the wrong
/// technique, and one that hangs or crashes the test host leaves the learner with no message at all.
/// </summary>
/// <remarks>
/// Answers of a section are tried <c>parallel</c> at a time, each in its own copy of the test folders: most of a
/// rejection is spent waiting (for a gate that never opens, or for a test host to start), not computing. The kata
/// tests are written so that their verdicts do not depend on load. Section 4's tests use fixed queue names, so each
/// copy that runs at the same time gets a broker of its own; with one broker given (RABBITMQ_URI), its answers run one
/// at a time.
/// </remarks>
internal sealed class WrongAnswerRunner(string root, CourseManifest course, TimeSpan limitPerAnswer, int parallel)
{
    private readonly string _workFolder = Path.Combine(root, "artifacts", "wrong-answers");

    /// <summary>Tries the answers that pass the filters (null: all), prints a line for each and a summary, and returns the verdicts.</summary>
    public async Task<List<WrongAnswerResult>> RunAsync(string? section, string? kata, string? slug)
    {
        var answers = WrongAnswer.ReadCorpus(root)
            .Where(a => a.Section == (section ?? a.Section) && a.Kata == (kata ?? a.Kata) && a.Slug == (slug ?? a.Slug))
            .ToList();
        Console.WriteLine($"kata-check: {answers.Count} wrong answer(s) to try");
        var brokerCount = !answers.Any(a => NeedsBroker(a.Section)) ? 0
            : string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RabbitBroker.UriVariable)) ? parallel : 1;
        // Started once for the whole corpus.
        var brokers = await Task.WhenAll(Enumerable.Range(0, brokerCount).Select(_ => RabbitBroker.StartAsync()));
        try
        {
            var results = answers.GroupBy(a => a.Section).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(group => RunSection(group.Key, group.ToList(), NeedsBroker(group.Key) ? brokers.Select(b => b.Uri).ToList() : null))
                .ToList();
            Console.WriteLine($"\n{"kata",-45} {"answers",8} {"blind",6} {"rejected",9}");
            foreach (var group in results.GroupBy(r => $"{r.Answer.Section}/{r.Answer.Kata}").OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"{group.Key,-45} {group.Count(),8} {group.Count(r => r.Answer.FoundBy.StartsWith("blind", StringComparison.OrdinalIgnoreCase)),6} {group.Count(r => r.Verdict == Verdict.Rejected),9}");
            }
            var bad = results.Count(r => r.Verdict != Verdict.Rejected);
            Console.WriteLine($"kata-check: wrong answers: {results.Count - bad} of {results.Count} rejected" + (bad == 0 ? "" : $", {bad} NOT rejected"));
            return results;
        }
        finally
        {
            foreach (var broker in brokers)
            {
                await broker.DisposeAsync();
            }
        }
    }

    private static bool NeedsBroker(string section) => section.StartsWith("04-", StringComparison.Ordinal);

    private List<WrongAnswerResult> RunSection(string section, List<WrongAnswer> answers, IReadOnlyList<Uri>? brokers)
    {
        Console.WriteLine($"kata-check: wrong answers, {section}: building the tests once ...");
        var build = SectionBuild.Prepare(root, section, _workFolder, brokers?.Count ?? parallel);
        // Warnings stay warnings: a wrong answer is judged by the tests, not by an unused variable.
        var compiler = new InProcessCompiler(build.Inputs, root, warningsAsErrors: false);
        var results = new WrongAnswerResult[answers.Count];
        var next = -1;
        // Each slot is a copy of the test folders (and a broker) of its own; it takes the next answer as soon as it is free.
        Task.WaitAll(Enumerable.Range(0, build.Tests[0].RunDirectories.Count).Select(slot => Task.Run(() =>
        {
            for (var index = Interlocked.Increment(ref next); index < answers.Count; index = Interlocked.Increment(ref next))
            {
                var result = results[index] = RunOne(build, compiler, slot, brokers?[slot], answers[index]);
                var label = result.Verdict == Verdict.Rejected ? "rejected" : Regex.Replace(result.Verdict.ToString(), "(?<=.)([A-Z])", " $1").ToUpperInvariant();
                var detail = result.Detail.Split('\n', 2)[0].Trim();
                Console.WriteLine($"  {label,-16} {result.Answer.Id,-70} {result.Took.TotalSeconds,5:0.0} s  {(detail.Length <= 160 ? detail : detail[..157] + "...")}");
            }
        })));
        return [.. results];
    }

    private WrongAnswerResult RunOne(SectionBuild build, InProcessCompiler compiler, int slot, Uri? broker, WrongAnswer answer)
    {
        var clock = Stopwatch.StartNew();
        WrongAnswerResult Result(Verdict verdict, string detail) => new(answer, verdict, detail, clock.Elapsed);
        var sources = build.SourcesWith(answer);
        if (sources is null)
        {
            return Result(Verdict.DoesNotCompile, $"'Replaces: {answer.Replaces}' names no source file of {Path.GetFileName(build.Inputs.ProjectFolder)}");
        }
        if (course.Find(answer.Kata) is not { } kata || kata.Section != answer.Section)
        {
            return Result(Verdict.NoTestsRan, $"katas/course.json has no kata {answer.Kata} in {answer.Section}");
        }
        // The answer goes next to each test project that judges its kata (rewritten for Coyote where the project has systematic tests).
        var testBuilds = build.TestsOf(root, kata).ToList();
        if (testBuilds.Count == 0)
        {
            return Result(Verdict.NoTestsRan, $"no test project of {answer.Section} has a file {kata.TestClass}.cs");
        }
        foreach (var testBuild in testBuilds)
        {
            var runDirectory = testBuild.RunDirectories[slot];
            if (compiler.Compile(sources, runDirectory) is { } compileErrors)
            {
                return Result(Verdict.DoesNotCompile, compileErrors);
            }
            if (testBuild.CoyoteRewriter is not null &&
                CoyoteRewrite.Run(testBuild.CoyoteRewriter, Path.Combine(runDirectory, build.Inputs.AssemblyName + ".dll"), testBuild.CoyoteDataRaceChecking) is { } rewriteError)
            {
                return Result(Verdict.Crashed, rewriteError);
            }
        }

        var results = Path.Combine(_workFolder, answer.Section, "results", answer.Kata, answer.Slug);
        var (exitCode, output, tests) = DotnetTest.Run(root,
            [.. testBuilds.Select(t => Path.Combine(t.RunDirectories[slot], t.TestAssemblyName)), "--filter", string.Join('|', kata.TestClasses.Select(name => $"FullyQualifiedName~.{name}"))],
            results, limitPerAnswer,
            environment: broker is null ? null : new Dictionary<string, string> { [RabbitBroker.UriVariable] = broker.ToString() },
            // The first failure is enough to reject an answer: stop there instead of waiting out every test.
            runSettings: ["xUnit.StopOnFail=true"]);
        if (exitCode == -1)
        {
            return Result(Verdict.Hung, $"still running after {limitPerAnswer.TotalSeconds:0} s");
        }
        if (output.Contains("Test host process crashed", StringComparison.Ordinal) || output.Contains("The active test run was aborted", StringComparison.Ordinal))
        {
            return Result(Verdict.Crashed, output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("exception", StringComparison.OrdinalIgnoreCase)) ?? "the test host crashed");
        }
        if (tests.Count == 0)
        {
            return Result(Verdict.NoTestsRan, $"no test of {kata.TestClass} ran (see {Path.GetRelativePath(root, results)}/dotnet-test.log)");
        }
        var failed = tests.FirstOrDefault(t => t.Failed && !string.IsNullOrWhiteSpace(t.Message));
        return failed is null
            ? Result(Verdict.Accepted, $"all {tests.Count} test(s) passed")
            : Result(Verdict.Rejected, $"{string.Join('.', failed.Name.Split('.').TakeLast(2))}: {failed.Message.Split('\n', 2)[0].Trim()}");
    }
}
