using System.Diagnostics;

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
/// Answers of a section are tried <c>parallel</c> at a time, each in its own copy of the test folder: most of a
/// rejection is spent waiting (for a gate that never opens, or for a test host to start), not computing. The kata
/// tests are written so that their verdicts do not depend on load. Section 4's tests use fixed queue names, so each
/// copy that runs at the same time gets a broker of its own (<c>brokers</c>, one per copy); with one broker given
/// (RABBITMQ_URI), its answers run one at a time.
/// </remarks>
public sealed class WrongAnswerRunner(string root, string workFolder, TimeSpan limitPerAnswer, int parallel, IReadOnlyList<Uri> brokers)
{
    public List<WrongAnswerResult> Run(IReadOnlyList<WrongAnswer> answers, Action<WrongAnswerResult> report)
    {
        var results = new List<WrongAnswerResult>();
        foreach (var section in answers.GroupBy(a => a.Section).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"kata-check: wrong answers, {section.Key}: building the tests once ...");
            var copies = NeedsBroker(section.Key) ? Math.Max(1, brokers.Count) : Math.Max(1, parallel);
            var build = SectionBuild.Prepare(root, section.Key, workFolder, copies);
            // Warnings stay warnings: a wrong answer is judged by the tests, not by an unused variable.
            var compiler = new InProcessCompiler(build.Inputs, root, warningsAsErrors: false);
            var freeSlots = new System.Collections.Concurrent.BlockingCollection<(int Slot, Uri? Broker)>();
            for (var slot = 0; slot < build.Copies; slot++)
            {
                freeSlots.Add((slot, NeedsBroker(section.Key) && slot < brokers.Count ? brokers[slot] : null));
            }
            var sectionResults = new WrongAnswerResult[section.Count()];
            Parallel.ForEach(section.Select((answer, index) => (answer, index)),
                new ParallelOptions { MaxDegreeOfParallelism = copies },
                item =>
                {
                    var slot = freeSlots.Take();
                    try
                    {
                        var result = RunOne(build, compiler, slot.Slot, slot.Broker, item.answer);
                        sectionResults[item.index] = result;
                        lock (results)
                        {
                            report(result);
                        }
                    }
                    finally
                    {
                        freeSlots.Add(slot);
                    }
                });
            results.AddRange(sectionResults);
        }
        return results;
    }

    // A kata's test classes live in files named after them: <Kata>Tests.cs (and its partial parts), <Kata>SystematicTests.cs.
    private bool TestsKata(TestBuild testBuild, WrongAnswer answer) =>
        Directory.EnumerateFiles(Path.Combine(root, "tests", testBuild.Name), $"{answer.Kata}*Tests*.cs")
            .Any(file => Path.GetFileName(file) is var name &&
                         (name.StartsWith($"{answer.Kata}Tests", StringComparison.Ordinal) || name.StartsWith($"{answer.Kata}SystematicTests", StringComparison.Ordinal)));

    private static bool NeedsBroker(string section) => section.StartsWith("04-", StringComparison.Ordinal);

    private WrongAnswerResult RunOne(SectionBuild build, InProcessCompiler compiler, int slot, Uri? broker, WrongAnswer answer)
    {
        var clock = Stopwatch.StartNew();
        var sources = build.SourcesWith(answer);
        if (sources is null)
        {
            return new WrongAnswerResult(answer, Verdict.DoesNotCompile,
                $"'Replaces: {answer.Replaces}' names no source file of {Path.GetFileName(build.Inputs.ProjectFolder)}", clock.Elapsed);
        }
        // The answer goes next to each of the section's test projects that test its kata (rewritten for Coyote where one
        // has systematic tests); a project without the kata's test classes would only cost a test host that runs nothing.
        var testBuilds = build.Tests.Where(testBuild => TestsKata(testBuild, answer)).ToList();
        if (testBuilds.Count == 0)
        {
            return new WrongAnswerResult(answer, Verdict.NoTestsRan, $"no test project of {answer.Section} has a file {answer.Kata}Tests.cs", clock.Elapsed);
        }
        foreach (var testBuild in testBuilds)
        {
            var runDirectory = testBuild.RunDirectories[slot];
            var compileErrors = compiler.Compile(sources, runDirectory);
            if (compileErrors is not null)
            {
                return new WrongAnswerResult(answer, Verdict.DoesNotCompile, compileErrors, clock.Elapsed);
            }
            if (testBuild.CoyoteRewriter is not null &&
                CoyoteRewrite.Run(testBuild.CoyoteRewriter, Path.Combine(runDirectory, build.Inputs.AssemblyName + ".dll"), testBuild.CoyoteDataRaceChecking) is { } rewriteError)
            {
                return new WrongAnswerResult(answer, Verdict.Crashed, rewriteError, clock.Elapsed);
            }
        }

        var results = Path.Combine(workFolder, answer.Section, "results", answer.Kata, answer.Slug);
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }
        Directory.CreateDirectory(results);
        var log = Path.Combine(results, "dotnet-test.log");
        var exitCode = DotnetTest.Run(root,
            [.. testBuilds.Select(testBuild => Path.Combine(testBuild.RunDirectories[slot], testBuild.TestAssemblyName)), "--filter", answer.TestFilter],
            results, limitPerAnswer, log,
            // The first failure is enough to reject an answer: stop there instead of waiting out every test.
            runSettings: ["xUnit.StopOnFail=true"],
            environment: broker is null ? null : new Dictionary<string, string> { [Broker.RabbitBroker.UriVariable] = broker.ToString() });
        var output = File.Exists(log) ? File.ReadAllText(log) : "";
        var tests = TrxReport.ReadAll(results);

        if (exitCode == -1)
        {
            return new WrongAnswerResult(answer, Verdict.Hung, $"still running after {limitPerAnswer.TotalSeconds:0} s", clock.Elapsed);
        }
        if (output.Contains("Test host process crashed", StringComparison.Ordinal) ||
            output.Contains("The active test run was aborted", StringComparison.Ordinal))
        {
            return new WrongAnswerResult(answer, Verdict.Crashed, CrashLine(output), clock.Elapsed);
        }
        if (tests.Count == 0)
        {
            return new WrongAnswerResult(answer, Verdict.NoTestsRan, $"no test of {answer.TestClass} ran (see {Path.GetRelativePath(root, log)})", clock.Elapsed);
        }
        var failed = tests.FirstOrDefault(t => t.Failed && !string.IsNullOrWhiteSpace(t.Message));
        return failed is null
            ? new WrongAnswerResult(answer, Verdict.Accepted, $"all {tests.Count} test(s) passed", clock.Elapsed)
            : new WrongAnswerResult(answer, Verdict.Rejected, $"{ShortName(failed.Name)}: {failed.Message.Split('\n', 2)[0].Trim()}", clock.Elapsed);
    }

    private static string ShortName(string testName) => string.Join('.', testName.Split('.').TakeLast(2));

    private static string CrashLine(string output) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("exception", StringComparison.OrdinalIgnoreCase))
        ?? "the test host crashed";
}
