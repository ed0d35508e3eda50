using System.Diagnostics;
using Course;

namespace Coach.Tests;

/// <summary>
/// A private copy of the repository's course (katas, solutions, section 1's tests and the build files) in a temporary
/// git repository, so that the tests can put the katas in any state without touching the real ones. Section 1's tests
/// are built there once, by the coach itself (its cold start); each test then starts from untouched stubs.
/// </summary>
public sealed class CourseCopy : IDisposable
{
    public const string Section = "01-Generators";

    private static readonly string[] Copied =
    [
        "katas", "solutions", $"tests/{Section}.Tests", "tests/Shared",
        "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config",
    ];

    public CourseCopy()
    {
        Source = CourseManifest.FindRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("katas/course.json not found above the tests");
        Root = Path.Combine(Path.GetTempPath(), "coach-tests-" + Guid.NewGuid().ToString("N")[..8]);
        // Every build file of tests/ (Directory.Build.*, Coyote.targets, ...): a test project imports them all.
        var testBuildFiles = Directory.EnumerateFiles(Path.Combine(Source, "tests"))
            .Where(file => file.EndsWith(".props", StringComparison.Ordinal) || file.EndsWith(".targets", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(Source, file));
        foreach (var relative in Copied.Concat(testBuildFiles))
        {
            Copy(Path.Combine(Source, relative), Path.Combine(Root, relative));
        }
        Git("init", "-q");
        Git("add", "-A");
        Git("-c", "user.name=coach tests", "-c", "user.email=coach@example.invalid", "commit", "-q", "-m", "the course");
        Course = CourseManifest.Load(Root);
    }

    /// <summary>The real repository, where the stubs and solutions come from.</summary>
    public string Source { get; }

    public string Root { get; }

    internal CourseManifest Course { get; }

    internal CourseKata Kata(string id) => Course.Find(id)!;

    /// <summary>Every kata back to its stub, nothing remembered, no wrong answers.</summary>
    public void Untouched()
    {
        foreach (var kata in Course.InSection(Section))
        {
            foreach (var path in kata.KataPaths)
            {
                File.Copy(Path.Combine(Source, path), Path.Combine(Root, path), overwrite: true);
            }
        }
        var progress = Path.Combine(Root, "artifacts", "coach", "progress.json");
        if (File.Exists(progress))
        {
            File.Delete(progress);
        }
        var corpus = Path.Combine(Root, "tests", "WrongAnswers");
        if (Directory.Exists(corpus))
        {
            Directory.Delete(corpus, recursive: true);
        }
    }

    /// <summary>Solves a kata the way a learner who copies the reference would.</summary>
    public void Solve(string id)
    {
        foreach (var file in Kata(id).Files)
        {
            File.Copy(Path.Combine(Source, "solutions", Kata(id).Section, file), Path.Combine(Root, "katas", Kata(id).Section, file), overwrite: true);
        }
    }

    public void Break(string id) =>
        File.AppendAllText(Path.Combine(Root, Kata(id).KataPaths.First()), "\nthis line is not C#\n");

    public string Read(string repositoryPath) => File.ReadAllText(Path.Combine(Root, repositoryPath));

    public void AddWrongAnswers()
    {
        Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "WrongAnswers"), Path.Combine(Root, "tests", "WrongAnswers"));
    }

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var git = Process.Start(start)!;
        var errors = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {errors}");
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to, overwrite: true);
            return;
        }
        if (!Directory.Exists(from))
        {
            return;
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "__mismatch__"))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative), overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A test host may still hold a file for a moment; the folder is in the temporary folder anyway.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class CourseCopyCollection : ICollectionFixture<CourseCopy>
{
    public const string Name = "A copy of the course";
}
