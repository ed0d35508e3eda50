using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KataCheck;

namespace Coach;

/// <summary>
/// What the coach needs to test one section quickly, prepared once (the cold cost) and kept under artifacts/coach/:
///   - the section's test assembly, built in solution mode and copied to a folder of its own. Katas and solutions build
///     an assembly of the same name with the same public API, so the tests run against your kata once your compiled kata
///     assembly is put in its place; and building against the solutions always works, even while your kata does not compile;
///   - what the C# compiler needs to build your kata project (its sources, references and options), asked of MSBuild
///     once with the compiler switched off, so that asking works even while your code does not compile.
/// The folder is reused by later runs until a project file, a test or a shared helper changes.
/// </summary>
internal sealed record SectionBuild(string Section, string RunFolder, string TestAssemblyPath, CompileInputs Inputs, string? CoyoteRewriter)
{
    private const string Marker = "prepared.json";

    // Changes when what prepared.json holds changes, so that an older folder is prepared again.
    private const string Format = "2";

    public static SectionBuild Prepare(string root, string section, Action<string> say)
    {
        var folder = Path.Combine(root, "artifacts", "coach", section);
        var key = InputsKey(root, section);
        var marker = Path.Combine(folder, Marker);
        if (File.Exists(marker) && JsonSerializer.Deserialize<SectionBuild>(File.ReadAllText(marker)) is { } saved
            && File.Exists(Path.Combine(folder, "key")) && File.ReadAllText(Path.Combine(folder, "key")) == key
            && File.Exists(saved.TestAssemblyPath))
        {
            return saved;
        }

        say($"Building the tests of {section} once (this takes a minute the first time) ...");
        var kataProject = Directory.GetFiles(Path.Combine(root, "katas", section), "*.csproj").Single();
        string testAssembly;
        string? coyoteRewriter;
        CompileInputs inputs;
        try
        {
            // The section's main test project; a companion project (section 4's systematic tests) is left to dotnet test.
            var built = MsBuildQuery.BuildTests(root, Path.Combine(root, "tests", section + ".Tests"));
            (testAssembly, coyoteRewriter) = (built.TestAssembly, built.CoyoteRewriter);
            inputs = CompileInputs.Read(root, kataProject);
        }
        catch (BuildFailedException failed)
        {
            throw new CoachException(failed.Message);
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var runFolder = Path.Combine(folder, "run");
        MsBuildQuery.CopyFolder(Path.GetDirectoryName(testAssembly)!, runFolder);
        var host = Path.Combine(AppContext.BaseDirectory, "CoachTestHost.dll");
        File.Copy(host, Path.Combine(runFolder, "CoachTestHost.dll"), overwrite: true);

        var build = new SectionBuild(section, runFolder, Path.Combine(runFolder, Path.GetFileName(testAssembly)), inputs, coyoteRewriter);
        File.WriteAllText(marker, JsonSerializer.Serialize(build));
        File.WriteAllText(Path.Combine(folder, "key"), key);
        return build;
    }

    /// <summary>
    /// What to compile now: your own files, found again at each run (a file you add is picked up), and the others that
    /// MSBuild gave (the shared helpers and generated files).
    /// </summary>
    public IEnumerable<string> CurrentSources() =>
        Directory.EnumerateFiles(Inputs.ProjectFolder, "*.cs", SearchOption.AllDirectories)
            .Where(IsLearnerSource)
            .Order(StringComparer.Ordinal)
            .Concat(Inputs.Sources.Where(path => !IsLearnerSource(path)));

    private bool IsLearnerSource(string path) =>
        path.StartsWith(Inputs.ProjectFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        && !Path.GetRelativePath(Inputs.ProjectFolder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    // Everything that would change the test assembly or the compiler's inputs, but not your kata's own sources.
    private static string InputsKey(string root, string section)
    {
        var files = new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "katas/Directory.Build.props", "tests/Directory.Build.props", "tests/Directory.Build.targets" }
            .Select(file => Path.Combine(root, file))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", section + ".Tests"), "*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "tests", "Shared"), "*.cs"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "solutions", section), "*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "katas", section), "*.csproj"))
            .Append(Path.Combine(AppContext.BaseDirectory, "CoachTestHost.dll"))
            .Where(File.Exists)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "__mismatch__"))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Format));
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}

/// <summary>A problem the coach explains in one line and ends on, with a distinct exit code.</summary>
internal sealed class CoachException(string message, int exitCode = 3) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
