using System.Text.RegularExpressions;
using KataCheck;

// The maintainer check, in the spirit of rustlings' `dev check`:
//   1. solution mode: every test passes;
//   2. learner mode on the untouched stubs: every kata test fails, none passes, none hangs,
//      and every failure carries the stub's guidance message;
//   3. the same kata tests again in solution mode under other machine shapes (1 core, 16 cores, one CPU), where
//      every verdict must be the same;
//   4. the wrong-answer corpus (tests/WrongAnswers): every answer swapped in is rejected by its kata's tests,
//      with a message, not a hang or a crash;
//   5. a table per section.
// Usage: dotnet run --project tools/KataCheck [-- --solutions-results DIR]
//   --solutions-results DIR  reuse the TRX files of a solution-mode run instead of running it again (.ci/run does this)
//   --skip-format            leave out the style check (dotnet format --verify-no-changes, before step 1)
//   --skip-machine-shapes    leave out step 3
//   --skip-wrong-answers     leave out step 4
// Only the wrong answers, some of them:
//   dotnet run --project tools/KataCheck -- --wrong-answers [--section 02-ThreadsAndProcesses] [--kata ParallelMap] [--answer slug] [--parallel 3] [--limit-seconds 120]

const string StubMarker = "is waiting for you. Edit katas/";
var learnerTimeLimit = TimeSpan.FromMinutes(10);

var root = Course.CourseManifest.FindRoot(Environment.CurrentDirectory);
if (root is null)
{
    Console.Error.WriteLine("kata-check: run the check from inside the repository (no katas/course.json above this folder).");
    return 2;
}
var wrongAnswerLimit = TimeSpan.FromSeconds(int.TryParse(OptionValue(args, "--limit-seconds"), out var limit) && limit > 0 ? limit : 120);
var parallel = int.TryParse(OptionValue(args, "--parallel"), out var p) && p > 0 ? p : 3;

if (args.Contains("--wrong-answers"))
{
    try
    {
        var tried = await WrongAnswerCheck.RunAsync(root, OptionValue(args, "--section"), OptionValue(args, "--kata"), OptionValue(args, "--answer"), wrongAnswerLimit, parallel);
        return tried.All(r => r.Verdict == Verdict.Rejected) ? 0 : 1;
    }
    catch (BuildFailedException failed)
    {
        // The section's tests or its solution do not build: nothing can be tried until they do.
        Console.Error.WriteLine($"kata-check: {failed.Message}");
        return 3;
    }
}
var results = Path.Combine(root, "artifacts", "kata-check");
var solutionResults = OptionValue(args, "--solutions-results") is { } given
    ? Path.GetFullPath(given)
    : null;

var sections = Directory.GetDirectories(Path.Combine(root, "tests"))
    .Where(dir => Regex.IsMatch(Path.GetFileName(dir), @"^\d\d-.+\.Tests$"))
    .Order(StringComparer.Ordinal)
    .Select(dir => new Section(
        Name: Path.GetFileName(dir)[..^".Tests".Length],
        TestDirectory: dir,
        TestAssembly: Path.GetFileNameWithoutExtension(Directory.GetFiles(dir, "*.csproj").Single())))
    .ToList();

var problems = new List<string>();
// What a kata is comes from katas/course.json; tests/Repository.Tests/CourseManifestTests.cs holds the test classes to it.
var course = Course.CourseManifest.Load(root);

// 0. One C# style (.editorconfig).
var formatChecked = false;
if (!args.Contains("--skip-format"))
{
    Console.WriteLine("kata-check: the C# style (dotnet format --verify-no-changes) ...");
    if (FormatCheck.Run(root, TimeSpan.FromMinutes(15)) is { } styleProblem)
    {
        problems.Add($"style: {styleProblem}");
    }
    formatChecked = true;
}

// 1. Solution mode.
if (solutionResults is null)
{
    solutionResults = Path.Combine(results, "solutions");
    RecreateDirectory(solutionResults);
    Console.WriteLine("kata-check: solution mode (dotnet test -p:KataSource=Solutions) ...");
    DotnetTest.Run(root, ["Katas.slnx", "-p:KataSource=Solutions"], solutionResults, TimeSpan.FromMinutes(40), logFile: null);
}
var solutionRun = TrxReport.ReadAll(solutionResults);
if (solutionRun.Count == 0)
{
    problems.Add($"solution mode: no test results found in {solutionResults}");
}
foreach (var failed in solutionRun.Where(r => !r.Passed))
{
    problems.Add($"solution mode: {failed.Assembly} {failed.Name} is {failed.Outcome}");
}

// 2. Learner mode, one section at a time, so that one section cannot hide another.
var learnerRuns = new Dictionary<string, List<TestResult>>();
foreach (var section in sections)
{
    var folder = Path.Combine(results, "learner", section.Name);
    RecreateDirectory(folder);
    Console.WriteLine($"kata-check: learner mode on untouched stubs, {section.Name} ...");
    var exitCode = DotnetTest.Run(root, [section.TestDirectory], folder, learnerTimeLimit, Path.Combine(folder, "dotnet-test.log"));
    if (exitCode == -1)
    {
        problems.Add($"{section.Name}: learner mode did not finish within {learnerTimeLimit.TotalMinutes} minutes (a test hangs on the stubs)");
    }
    var run = TrxReport.ReadAll(folder);
    learnerRuns[section.Name] = run;
    if (run.Count == 0)
    {
        problems.Add($"{section.Name}: learner mode ran no test (does the kata project compile? see {Path.GetRelativePath(root, folder)}/dotnet-test.log)");
    }
    foreach (var passed in run.Where(r => !r.Failed))
    {
        problems.Add($"{section.Name}: {passed.Name} is {passed.Outcome} on the untouched stubs; it must fail");
    }
    foreach (var unguided in run.Where(r => r.Failed && !r.Message.Contains(StubMarker, StringComparison.Ordinal)))
    {
        problems.Add($"{section.Name}: {unguided.Name} fails without the stub's guidance message: {FirstLine(unguided.Message)}");
    }
}

// 3. The same verdicts on other machine shapes.
var shapeRun = new List<TestResult>();
if (!args.Contains("--skip-machine-shapes"))
{
    Console.WriteLine("kata-check: the kata tests again under other machine shapes ...");
    var shapesFolder = Path.Combine(results, "shapes");
    RecreateDirectory(shapesFolder);
    shapeRun = MachineShapes.Run(root, sections.Select(s => s.TestDirectory).ToList(), shapesFolder, problems);
}

// 4. The wrong-answer corpus.
var wrongAnswers = new List<WrongAnswerResult>();
if (!args.Contains("--skip-wrong-answers"))
{
    wrongAnswers = await WrongAnswerCheck.RunAsync(root, section: null, kata: null, slug: null, wrongAnswerLimit, parallel);
    foreach (var notRejected in wrongAnswers.Where(r => r.Verdict != Verdict.Rejected))
    {
        problems.Add($"wrong answer {notRejected.Answer.Id} is {notRejected.Verdict} by its tests: {FirstLine(notRejected.Detail)}");
    }
}

// 5. The table.
Console.WriteLine();
Console.WriteLine($"{"section",-32} {"katas",5} {"tests",6} {"stubs red",10} {"solutions green",16}");
foreach (var section in sections)
{
    // A companion project (04-Distributed.Systematic) tests the katas its section row already counts.
    var katas = section.Name.Contains('.') ? "-" : course.InSection(section.Name).Count().ToString(System.Globalization.CultureInfo.InvariantCulture);
    var learner = learnerRuns[section.Name];
    var solution = solutionRun.Where(r => string.Equals(r.Assembly, section.TestAssembly, StringComparison.OrdinalIgnoreCase)).ToList();
    Console.WriteLine($"{section.Name,-32} {katas,5} {solution.Count,6} {$"{learner.Count(r => r.Failed)}/{learner.Count}",10} {$"{solution.Count(r => r.Passed)}/{solution.Count}",16}");
}
foreach (var other in solutionRun.GroupBy(r => r.Assembly).Where(g => sections.All(s => !string.Equals(s.TestAssembly, g.Key, StringComparison.OrdinalIgnoreCase))).OrderBy(g => g.Key))
{
    Console.WriteLine($"{other.Key + " (not a kata)",-32} {"-",5} {other.Count(),6} {"-",10} {$"{other.Count(r => r.Passed)}/{other.Count()}",16}");
}

Console.WriteLine();
foreach (var problem in problems)
{
    Console.WriteLine($"kata-check: PROBLEM {problem}");
}
Console.WriteLine(problems.Count == 0 ? "kata-check: all good" : $"kata-check: {problems.Count} problem(s)");

// Each test that passed under another machine shape, and each rejected wrong answer, counts as a passed check.
var passedCount = solutionRun.Count(r => r.Passed) + shapeRun.Count(r => r.Passed) + wrongAnswers.Count(r => r.Verdict == Verdict.Rejected)
    + (formatChecked && !problems.Any(p => p.StartsWith("style:", StringComparison.Ordinal)) ? 1 : 0);
var failedCount = solutionRun.Count(r => !r.Passed) + problems.Count(p => !p.StartsWith("solution mode:", StringComparison.Ordinal));
Console.WriteLine($"ci: {passedCount} passed, {failedCount} failed");
return problems.Count == 0 ? 0 : 1;

static string? OptionValue(string[] arguments, string name)
{
    var at = Array.IndexOf(arguments, name);
    return at >= 0 && at + 1 < arguments.Length ? arguments[at + 1] : null;
}

static void RecreateDirectory(string path)
{
    if (Directory.Exists(path))
    {
        Directory.Delete(path, recursive: true);
    }
    Directory.CreateDirectory(path);
}

static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

internal sealed record Section(string Name, string TestDirectory, string TestAssembly);
