using Course;

namespace KataCheck;

/// <summary>
/// What one section needs to try wrong answers quickly: the section's test projects built once in solution mode, each
/// copied into folders of its own (one for each answer tried at the same time), and the compiler inputs of the
/// solution project.
/// </summary>
/// <param name="Tests">The section's test projects (<see cref="MsBuildQuery.TestProjectsOf"/>); an answer runs against those that hold its kata's tests.</param>
public sealed record SectionBuild(IReadOnlyList<TestBuild> Tests, CompileInputs Inputs)
{
    public static SectionBuild Prepare(string root, string section, string workFolder, int copies)
    {
        var tests = MsBuildQuery.TestProjectsOf(root, section)
            .Select(folder => PrepareTests(root, folder, Path.Combine(workFolder, section, Path.GetFileName(folder)), copies))
            .ToList();
        // Building the tests built the solution project too, so its generated sources exist for the compile inputs.
        var solutionProject = Directory.GetFiles(Path.Combine(root, "solutions", section), "*.csproj").Single();
        return new SectionBuild(tests, CompileInputs.Read(root, solutionProject, "-p:KataSource=Solutions"));
    }

    // Builds one test project in solution mode (which builds the solution project too) and copies its output folder.
    private static TestBuild PrepareTests(string root, string testFolder, string workFolder, int copies)
    {
        var answer = MsBuildQuery.Run(root, Directory.GetFiles(testFolder, "*.csproj").Single(), "-p:KataSource=Solutions", "-t:Build",
            "-getProperty:TargetPath", "-getProperty:CoyoteRewriter", "-getProperty:CoyoteDataRaceChecking", "-getItem:CoyoteRewriteReason");
        var properties = answer.GetProperty("Properties");
        var testAssembly = properties.GetProperty("TargetPath").GetString()!;
        var runDirectories = Enumerable.Range(1, copies).Select(n => Path.Combine(workFolder, $"run{n}")).ToList();
        foreach (var runDirectory in runDirectories)
        {
            if (Directory.Exists(runDirectory))
            {
                Directory.Delete(runDirectory, recursive: true);
            }
            MsBuildQuery.CopyFolder(Path.GetDirectoryName(testAssembly)!, runDirectory);
        }
        // tests/Coyote.targets decides which projects are rewritten; every assembly compiled for them must be rewritten too.
        var rewritten = answer.GetProperty("Items").GetProperty("CoyoteRewriteReason").GetArrayLength() > 0;
        return new TestBuild(Path.GetFileName(testFolder), runDirectories, Path.GetFileName(testAssembly),
            rewritten ? properties.GetProperty("CoyoteRewriter").GetString() : null, properties.GetProperty("CoyoteDataRaceChecking").GetString() == "true");
    }

    /// <summary>
    /// The section's test projects (<see cref="MsBuildQuery.TestProjectsOf"/>, in that order) that hold one of the kata's
    /// test classes, each in a file of its name: section 4's systematic project counts for Rpc only. Running an answer
    /// anywhere else would only cost a test host that runs nothing.
    /// </summary>
    internal static IEnumerable<string> TestProjectsOf(string root, CourseKata kata) =>
        MsBuildQuery.TestProjectsOf(root, kata.Section)
            .Where(folder => kata.TestClasses.Any(name => File.Exists(Path.Combine(folder, name + ".cs"))));

    /// <summary>The built test projects that judge <paramref name="kata"/>, in the order of <see cref="TestProjectsOf"/>.</summary>
    internal IEnumerable<TestBuild> TestsOf(string root, CourseKata kata) =>
        TestProjectsOf(root, kata).Select(folder => Tests.Single(tests => tests.Name == Path.GetFileName(folder)));

    /// <summary>The solution's sources with the one the answer replaces swapped for it, or null when it replaces none.</summary>
    public IReadOnlyList<string>? SourcesWith(WrongAnswer answer)
    {
        var replaced = Path.GetFullPath(Path.Combine(Inputs.ProjectFolder, answer.Replaces));
        return Inputs.Sources.Contains(replaced)
            ? Inputs.Sources.Select(source => source == replaced ? answer.Path : source).ToList()
            : null;
    }
}

/// <summary>One test project of a section (Name: its folder in tests/), built once in solution mode and copied into private run folders.</summary>
/// <param name="RunDirectories">Private copies of the test project's output folder, one for each answer tried at the same time.</param>
/// <param name="TestAssemblyName">The test assembly's file name inside each run folder.</param>
/// <param name="CoyoteRewriter">The Coyote rewriter, when the project has systematic tests (every answer must be rewritten too); otherwise null.</param>
/// <param name="CoyoteDataRaceChecking">Whether the project's rewrite also checks the plain collections (tests/Coyote.targets).</param>
public sealed record TestBuild(string Name, IReadOnlyList<string> RunDirectories, string TestAssemblyName, string? CoyoteRewriter, bool CoyoteDataRaceChecking);
