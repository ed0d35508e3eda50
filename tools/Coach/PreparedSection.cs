using System.Text.Json;
using Course;
using KataCheck;

namespace Coach;

/// <summary>
/// What the coach needs to test one section quickly, prepared once (the cold cost) and kept under artifacts/coach/ until a
/// project file, a test or a shared helper changes: the section's test projects, built in solution mode and copied
/// (<see cref="SectionBuild"/>, shared with the maintainer check; your kata builds an assembly of the same name and API,
/// which takes the solution's place there), and what the compiler needs to build your kata project (<see cref="CompileInputs"/>).
/// Both work even while your kata does not compile.
/// </summary>
internal sealed record PreparedSection(string Key, SectionBuild Build, CompileInputs Kata)
{
    public static PreparedSection Prepare(string root, string section, Action<string> say)
    {
        var folder = Path.Combine(root, "artifacts", "coach", section);
        var marker = Path.Combine(folder, "prepared.json");
        var key = InputsKey(root, section);
        if (File.Exists(marker) && JsonSerializer.Deserialize<PreparedSection>(File.ReadAllText(marker)) is { } saved && saved.Key == key
            && saved.Build.Tests.All(tests => File.Exists(Path.Combine(tests.RunDirectories[0], tests.TestAssemblyName))))
        {
            return saved;
        }

        say($"Building the tests of {section} once (this takes a minute the first time) ...");
        // A preparation cut short leaves no marker behind; SectionBuild empties each run folder before it copies the build there.
        Directory.CreateDirectory(folder);
        File.Delete(marker);
        var kataProject = Directory.GetFiles(Path.Combine(root, "katas", section), "*.csproj").Single();
        var prepared = new PreparedSection(key, SectionBuild.Prepare(root, section, Path.GetDirectoryName(folder)!, copies: 1), CompileInputs.Read(root, kataProject));
        foreach (var tests in prepared.Build.Tests)
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "CoachTestHost.dll"), Path.Combine(tests.RunDirectories[0], "CoachTestHost.dll"), overwrite: true);
        }
        File.WriteAllText(marker, JsonSerializer.Serialize(prepared));
        return prepared;
    }

    /// <summary>
    /// What to compile now: your own files, found again at each run (a file you add is picked up), and the others that
    /// MSBuild gave (the shared helpers and generated files).
    /// </summary>
    public IEnumerable<string> CurrentSources() =>
        Directory.EnumerateFiles(Kata.ProjectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(IsLearnerSource)
            .Order(StringComparer.Ordinal)
            .Concat(Kata.Sources.Where(path => !IsLearnerSource(path)));

    private bool IsLearnerSource(string path) =>
        path.StartsWith(Kata.ProjectFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !IsBuildOutput(Path.GetRelativePath(Kata.ProjectFolder, path));

    public static bool IsBuildOutput(string path) => path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "__mismatch__");

    // Everything that would change the test assemblies or the compiler's inputs, but not your kata's own sources.
    private static string InputsKey(string root, string section) => LearnerProgress.Hash(root,
        Directory.EnumerateFiles(root, "Directory.*")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "katas"), "Directory.*"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests"))) // the build files every test project imports
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "Shared"), "*.cs"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "katas", "Shared"), "*.cs")) // the solutions and some tests compile them too
            .Concat(MsBuildQuery.TestProjectsOf(root, section).Append(Path.Combine(root, "solutions", section))
                .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "katas", section), "*.csproj"))
            .Append(Path.Combine(AppContext.BaseDirectory, "CoachTestHost.dll"))
            .Where(path => !IsBuildOutput(Path.GetRelativePath(root, path)))
            .Order(StringComparer.Ordinal));
}
