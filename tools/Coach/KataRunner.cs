using System.Diagnostics;
using System.Text.Json;
using Course;
using KataCheck;

namespace Coach;

internal enum KataState { Passed, Failed, DoesNotCompile, Broken }

internal sealed record TestOutcome(string Name, string Method, bool Passed, string? Message, string? Stack)
{
    /// <summary>The test's name as a sentence: A_producer_waits_while_the_buffer_is_full → "A producer waits while the buffer is full".</summary>
    public string Sentence
    {
        get
        {
            var arguments = Name.IndexOf('(') is var at and >= 0 ? " " + Name[at..] : "";
            return Method.Replace('_', ' ') + arguments;
        }
    }
}

/// <summary>One run of one kata's tests.</summary>
internal sealed record KataRun(CourseKata Kata, KataState State, IReadOnlyList<TestOutcome> Tests, int TestCount, string? Detail, TimeSpan Took)
{
    public bool Passed => State == KataState.Passed;

    public TestOutcome? FirstFailure => Tests.FirstOrDefault(t => !t.Passed);

    /// <summary>The place of the first failing test among the kata's tests, from 1.</summary>
    public int FailedAt => Tests.TakeWhile(t => t.Passed).Count() + 1;
}

/// <summary>
/// Runs one kata's tests against your code: compiles the kata project in this process (<see cref="InProcessCompiler"/>),
/// puts it next to the section's tests, built once (<see cref="SectionBuild"/>), and runs only the kata's test class
/// with xunit's own engine in a small child process (tools/CoachTestHost), stopping at the first failure.
/// Measured on a 2-core machine shared with other builds (load average 55 to 65): a warm rerun in watch mode takes
/// 2.3 to 3.3 s (the test host alone about 1.9 s; `dotnet test` of the same built class took 6.4 s at a load of 10).
/// The first run in a new coach process costs about 13 s (the compiler and the host start cold), and the first run of
/// a section in a fresh clone about 1 minute more, for one build of its tests.
/// </summary>
internal sealed class KataRunner(string root, Action<string> say)
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly Dictionary<string, (SectionBuild Build, InProcessCompiler Compiler)> _sections = new();

    public KataRun Run(CourseKata kata)
    {
        var (build, compiler) = Prepare(kata.Section);
        var clock = Stopwatch.StartNew(); // the rerun's own cost, without the section's one-time preparation
        var errors = compiler.Compile(build.CurrentSources(), build.RunFolder);
        if (errors is not null)
        {
            return new KataRun(kata, KataState.DoesNotCompile, [], 0, errors, clock.Elapsed);
        }
        if (build.CoyoteRewriter is not null &&
            CoyoteRewrite.Run(build.CoyoteRewriter, Path.Combine(build.RunFolder, build.Inputs.AssemblyName + ".dll")) is { } rewriteError)
        {
            return new KataRun(kata, KataState.Broken, [], 0, rewriteError, clock.Elapsed);
        }
        return RunTests(kata, build, clock);
    }

    private (SectionBuild, InProcessCompiler) Prepare(string section)
    {
        if (!_sections.TryGetValue(section, out var prepared))
        {
            var build = SectionBuild.Prepare(root, section, say);
            // Like the build, it treats warnings as errors (TreatWarningsAsErrors is on in this repository).
            prepared = (build, new InProcessCompiler(build.Inputs, root, warningsAsErrors: true));
            _sections[section] = prepared;
        }
        return prepared;
    }

    private static KataRun RunTests(CourseKata kata, SectionBuild build, Stopwatch clock)
    {
        var testAssembly = Path.GetFileNameWithoutExtension(build.TestAssemblyPath);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = build.RunFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in (string[])["exec", "--depsfile", testAssembly + ".deps.json", "--runtimeconfig", testAssembly + ".runtimeconfig.json",
                     "CoachTestHost.dll", build.TestAssemblyPath, kata.TestClass])
        {
            start.ArgumentList.Add(argument);
        }
        // Snapshots that are missing must not be written from the coach's copy.
        start.Environment["SNAPSHOOTER_STRICT_MODE"] = "on";

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var errors = process.StandardError.ReadToEndAsync();
        var tests = new List<TestOutcome>();
        var count = 0;
        string? problem = null;
        var done = false;
        var reading = Task.Run(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (!line.StartsWith("@@coach ", StringComparison.Ordinal))
                {
                    continue;
                }
                var message = JsonDocument.Parse(line["@@coach ".Length..]).RootElement;
                string? Text(string name) => message.TryGetProperty(name, out var value) ? value.GetString() : null;
                switch (Text("kind"))
                {
                    case "found":
                        count = message.GetProperty("count").GetInt32();
                        break;
                    case "test":
                        tests.Add(new TestOutcome(Text("name")!, Text("method")!, Text("outcome") is "Passed" or "Skipped", Text("message"), Text("stack")));
                        break;
                    case "error":
                        problem = Text("message");
                        break;
                    case "done":
                        done = true;
                        break;
                    case "none":
                        problem = $"No test class {kata.TestClass} was found in {testAssembly}.";
                        break;
                }
            }
        });
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new KataRun(kata, KataState.Failed, tests, count,
                $"The tests of {kata.Id} were still running after {Limit.TotalMinutes:0} minutes, so the coach stopped them: something waits for ever.", clock.Elapsed);
        }
        reading.Wait();
        if (problem is not null || (tests.Count == 0 && process.ExitCode != 0))
        {
            return new KataRun(kata, KataState.Broken, tests, count, problem ?? FirstLines(errors.Result), clock.Elapsed);
        }
        if (!done)
        {
            return new KataRun(kata, KataState.Broken, tests, count,
                "The test process crashed before the tests finished (an exception escaped a thread of your code?):\n" + FirstLines(errors.Result), clock.Elapsed);
        }
        var passed = tests.Count == count && tests.All(t => t.Passed);
        return new KataRun(kata, passed ? KataState.Passed : KataState.Failed, tests, count, null, clock.Elapsed);
    }

    private static string FirstLines(string text) => string.Join('\n', text.Split('\n').Take(5)).Trim();
}
