using System.CommandLine;
using System.Globalization;
using KataCheck;

var solutionsResults = new Option<string>("--solutions-results") { Description = "Reuse the TRX files of a solution-mode run in this folder instead of running step 1 (.ci/run does this)." };
var skipFormat = new Option<bool>("--skip-format") { Description = "Leave out step 0, the style check." };
var skipShapes = new Option<bool>("--skip-machine-shapes") { Description = "Leave out step 3, the other machine shapes." };
var skipWrongAnswers = new Option<bool>("--skip-wrong-answers") { Description = "Leave out step 4, the wrong-answer corpus." };
var onlyWrongAnswers = new Option<bool>("--wrong-answers") { Description = "Run step 4 only." };
var sectionFilter = new Option<string>("--section") { Description = "Try only this section's wrong answers (02-ThreadsAndProcesses)." };
var kataFilter = new Option<string>("--kata") { Description = "Try only this kata's wrong answers (ParallelMap)." };
var answerFilter = new Option<string>("--answer") { Description = "Try only the wrong answers with this file name, without .cs." };
var parallelOption = Positive("--parallel", "How many wrong answers to try at the same time.", 3);
var limitOption = Positive("--limit-seconds", "How long one wrong answer's tests may run before it counts as hanging.", 120);
var command = new RootCommand("""
    The maintainer check (CONTRIBUTING.md, "The maintainer check"), in the spirit of rustlings' `dev check`:
      0. the C# style: dotnet format --verify-no-changes, against .editorconfig;
      1. solution mode: every test passes;
      2. learner mode on the untouched stubs: every kata test fails with the stub's guidance message, none hangs;
      3. the kata tests again in solution mode under other machine shapes (MachineShapes.cs): every test still passes;
      4. the wrong-answer corpus (tests/WrongAnswers): every answer is rejected by its kata's tests, with a message;
      5. a table per section, and `ci: N passed, M failed`.
    """)
{
    solutionsResults, skipFormat, skipShapes, skipWrongAnswers, onlyWrongAnswers, sectionFilter, kataFilter, answerFilter, parallelOption, limitOption,
};
var parsed = command.Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"kata-check: {parsed.Errors[0].Message} (see --help)");
    return 2;
}
command.SetAction((_, _) => CheckAsync());
return await parsed.InvokeAsync();

async Task<int> CheckAsync()
{
    const string StubMarker = "is waiting for you. Edit katas/";
    var only = parsed.GetValue(onlyWrongAnswers);
    if (Course.CourseManifest.FindRoot(Environment.CurrentDirectory) is not { } root)
    {
        Console.Error.WriteLine("kata-check: run the check from inside the repository (no katas/course.json above this folder).");
        return 2;
    }
    // What a kata is comes from katas/course.json; tests/Repository.Tests/CourseManifestTests.cs holds the test classes to it.
    var course = Course.CourseManifest.Load(root);
    var results = Path.Combine(root, "artifacts", "kata-check");
    var problems = new List<string>();
    var passed = 0;
    var solutionRun = new List<TestResult>();
    var learnerRuns = new Dictionary<string, List<TestResult>>();
    var sections = Directory.GetDirectories(Path.Combine(root, "tests"), "??-*.Tests").Select(Path.GetFileName).Order(StringComparer.Ordinal)
        .Select(name => (Name: name![..^".Tests".Length], Directory: Path.Combine(root, "tests", name),
            Assembly: Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(root, "tests", name), "*.csproj").Single())))
        .ToList();

    // Learner mode, and solution mode's build under another machine shape, one section at a time, so that one section cannot hide another.
    List<TestResult> RunSection(string mode, string section, string directory, string folder, string[] arguments, MachineShape? shape = null)
    {
        var limit = TimeSpan.FromMinutes(10);
        var (exitCode, _, run) = DotnetTest.Run(root, [directory, .. arguments], folder, limit, environment: shape?.Environment, launcher: shape?.Launcher);
        if (exitCode == -1)
        {
            problems.Add($"{mode}: {section} did not finish within {limit.TotalMinutes:0} minutes (a test hangs)");
        }
        else if (run.Count == 0)
        {
            problems.Add($"{mode}: {section} ran no test (does it compile? see {Path.GetRelativePath(root, folder)}/dotnet-test.log)");
        }
        return run;
    }

    if (!only)
    {
        if (!parsed.GetValue(skipFormat))
        {
            Console.WriteLine("kata-check: the C# style (dotnet format --verify-no-changes) ...");
            var (exitCode, output, errors) = Processes.Run(DotnetHost.Path, ["format", "Katas.slnx", "--verify-no-changes", "-v", "q"], root, TimeSpan.FromMinutes(15));
            var lines = (output + errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            problems.AddRange(exitCode switch
            {
                0 => [],
                -1 => ["style: dotnet format did not finish within 15 minutes"],
                _ => [$"style: {lines.Length} place(s) do not follow .editorconfig (run `dotnet format Katas.slnx`), first: {lines.FirstOrDefault()}"],
            });
            passed += exitCode == 0 ? 1 : 0;
        }

        if (parsed.GetValue(solutionsResults) is { } given)
        {
            solutionRun = DotnetTest.ReadAll(Path.GetFullPath(given));
        }
        else
        {
            Console.WriteLine("kata-check: solution mode (dotnet test -p:KataSource=Solutions) ...");
            solutionRun = DotnetTest.Run(root, ["Katas.slnx", "-p:KataSource=Solutions"], Path.Combine(results, "solutions"), TimeSpan.FromMinutes(40), showOutput: true).Results;
        }
        problems.AddRange(solutionRun.Count == 0 ? ["solution mode: no test results found"] : solutionRun.Where(r => !r.Passed).Select(r => $"solution mode: {r.Assembly} {r.Name} is {r.Outcome}"));
        passed += solutionRun.Count(r => r.Passed);

        foreach (var (name, directory, _) in sections)
        {
            Console.WriteLine($"kata-check: learner mode on untouched stubs, {name} ...");
            var run = learnerRuns[name] = RunSection("learner mode", name, directory, Path.Combine(results, "learner", name), []);
            problems.AddRange(run.Where(r => !r.Failed).Select(r => $"{name}: {r.Name} is {r.Outcome} on the untouched stubs; it must fail"));
            problems.AddRange(run.Where(r => r.Failed && !r.Message.Contains(StubMarker, StringComparison.Ordinal))
                .Select(r => $"{name}: {r.Name} fails without the stub's guidance message: {r.Message.Split('\n', 2)[0].Trim()}"));
        }

        foreach (var shape in parsed.GetValue(skipShapes) ? [] : MachineShape.Available())
        {
            Console.WriteLine($"kata-check: the kata tests again under {shape.Name} ...");
            var run = sections.SelectMany(s => RunSection(shape.Name, s.Name, s.Directory, Path.Combine(results, "shapes", shape.Slug, s.Name), ["-p:KataSource=Solutions", "--no-build"], shape)).ToList();
            problems.AddRange(run.Where(r => !r.Passed).Select(r => $"{shape.Name}: {r.Assembly} {r.Name} is {r.Outcome} (it passes on this machine's own shape)"));
            Console.WriteLine($"kata-check: kata tests under {shape.Name}: {run.Count(r => r.Passed)} of {run.Count} passed");
            passed += run.Count(r => r.Passed);
        }
    }

    if (only || !parsed.GetValue(skipWrongAnswers))
    {
        try
        {
            var runner = new WrongAnswerRunner(root, course, TimeSpan.FromSeconds(parsed.GetValue(limitOption)), parsed.GetValue(parallelOption));
            var wrongAnswers = await runner.RunAsync(parsed.GetValue(sectionFilter), parsed.GetValue(kataFilter), parsed.GetValue(answerFilter));
            problems.AddRange(wrongAnswers.Where(r => r.Verdict != Verdict.Rejected).Select(r => $"wrong answer {r.Answer.Id} is {r.Verdict} by its tests: {r.Detail.Split('\n', 2)[0].Trim()}"));
            passed += wrongAnswers.Count(r => r.Verdict == Verdict.Rejected);
        }
        catch (Exception failed) when (failed is FormatException or BuildFailedException or InvalidOperationException)
        {
            // An unreadable corpus file, a section whose tests do not build, or no broker for section 4: nothing can be tried until it is fixed.
            problems.Add($"wrong answers: {failed.Message}");
        }
    }

    if (!only)
    {
        Console.WriteLine($"\n{"section",-32} {"katas",5} {"tests",6} {"stubs red",10} {"solutions green",16}");
        foreach (var (name, _, assembly) in sections)
        {
            // A companion project (04-Distributed.Systematic) tests the katas its section row already counts.
            var katas = name.Contains('.') ? "-" : course.InSection(name).Count().ToString(CultureInfo.InvariantCulture);
            var solution = solutionRun.Where(r => string.Equals(r.Assembly, assembly, StringComparison.OrdinalIgnoreCase)).ToList();
            Console.WriteLine($"{name,-32} {katas,5} {solution.Count,6} {$"{learnerRuns[name].Count(r => r.Failed)}/{learnerRuns[name].Count}",10} {$"{solution.Count(r => r.Passed)}/{solution.Count}",16}");
        }
        foreach (var other in solutionRun.GroupBy(r => r.Assembly).Where(g => !sections.Any(s => string.Equals(s.Assembly, g.Key, StringComparison.OrdinalIgnoreCase))).OrderBy(g => g.Key))
        {
            Console.WriteLine($"{other.Key + " (not a kata)",-32} {"-",5} {other.Count(),6} {"-",10} {$"{other.Count(r => r.Passed)}/{other.Count()}",16}");
        }
    }

    Console.WriteLine();
    problems.ForEach(problem => Console.WriteLine($"kata-check: PROBLEM {problem}"));
    Console.WriteLine(problems.Count == 0 ? "kata-check: all good" : $"kata-check: {problems.Count} problem(s)");
    if (!only)
    {
        // Each passing test (in solution mode and under each shape), each rejected wrong answer and the style count as passed checks.
        Console.WriteLine($"ci: {passed} passed, {solutionRun.Count(r => !r.Passed) + problems.Count(p => !p.StartsWith("solution mode:", StringComparison.Ordinal))} failed");
    }
    return problems.Count == 0 ? 0 : 1;
}

// A whole number of at least 1. A parser, not a validator: a validator would read a value that did not parse, and crash.
static Option<int> Positive(string name, string description, int byDefault) => new(name)
{
    Description = description,
    DefaultValueFactory = _ => byDefault,
    CustomParser = result =>
    {
        if (int.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }
        result.AddError($"{name} takes a whole number of at least 1, not '{result.Tokens[0].Value}'");
        return default;
    },
};
