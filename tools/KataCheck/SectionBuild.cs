using System.Diagnostics;
using System.Text.Json;

namespace KataCheck;

/// <summary>
/// What one section needs to try wrong answers quickly: the section's test assembly built once in solution mode,
/// copied into a folder of its own (so a swapped-in assembly never touches the real build), and the compiler
/// inputs of the solution project (its sources, references and options), read from MSBuild once.
/// </summary>
public sealed class SectionBuild
{
    private SectionBuild(string section, IReadOnlyList<TestBuild> tests, CompileInputs inputs)
    {
        Section = section;
        Tests = tests;
        Inputs = inputs;
    }

    public string Section { get; }

    /// <summary>
    /// The section's test projects: tests/NN-Section.Tests and any companion tests/NN-Section.*.Tests (section 4 keeps its
    /// systematic tests in one of their own, so that Coyote's packages stay out of the folder its worker runs from).
    /// An answer runs against all of them at once.
    /// </summary>
    public IReadOnlyList<TestBuild> Tests { get; }

    /// <summary>How many answers can run at the same time: each test project has this many private copies.</summary>
    public int Copies => Tests[0].RunDirectories.Count;

    public CompileInputs Inputs { get; }

    public static SectionBuild Prepare(string root, string section, string workFolder, int copies)
    {
        var testFolders = Directory.GetDirectories(Path.Combine(root, "tests"))
            .Where(folder => Path.GetFileName(folder) == section + ".Tests" ||
                             (Path.GetFileName(folder).StartsWith(section + ".", StringComparison.Ordinal) && Path.GetFileName(folder).EndsWith(".Tests", StringComparison.Ordinal)))
            .OrderBy(folder => Path.GetFileName(folder) == section + ".Tests" ? 0 : 1)
            .ThenBy(folder => folder, StringComparer.Ordinal)
            .ToList();
        var solutionProject = Directory.GetFiles(Path.Combine(root, "solutions", section), "*.csproj").Single();
        var tests = testFolders.Select(folder => PrepareTests(root, section, folder, workFolder, copies)).ToList();

        var solution = MsBuild(root, solutionProject, "-t:Build",
            "-getItem:Compile", "-getItem:ReferencePathWithRefAssemblies", "-getItem:Analyzer",
            "-getProperty:AssemblyName", "-getProperty:DefineConstants", "-getProperty:LangVersion", "-getProperty:Nullable", "-getProperty:OutputType");
        var properties = solution.GetProperty("Properties");
        var items = solution.GetProperty("Items");
        var projectFolder = Path.GetDirectoryName(solutionProject)!;
        List<string> Paths(string item) =>
            items.GetProperty(item).EnumerateArray()
                .Select(entry => Path.GetFullPath(entry.GetProperty("Identity").GetString()!, projectFolder))
                .ToList();

        var inputs = new CompileInputs(
            AssemblyName: properties.GetProperty("AssemblyName").GetString()!,
            ProjectFolder: projectFolder,
            Sources: Paths("Compile"),
            References: Paths("ReferencePathWithRefAssemblies"),
            Analyzers: Paths("Analyzer"),
            DefineConstants: properties.GetProperty("DefineConstants").GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries),
            LangVersion: properties.GetProperty("LangVersion").GetString()!,
            NullableEnabled: properties.GetProperty("Nullable").GetString() == "enable",
            // Section 4's assembly is also the worker program the tests start: it must keep its entry point.
            IsExecutable: properties.GetProperty("OutputType").GetString() is "Exe" or "WinExe");
        return new SectionBuild(section, tests, inputs);
    }

    // Building the test project builds the solution project too, so its generated sources exist for the compile inputs.
    private static TestBuild PrepareTests(string root, string section, string testFolder, string workFolder, int copies)
    {
        var testProject = Directory.GetFiles(testFolder, "*.csproj").Single();
        // Two properties, so that MSBuild answers in JSON (with one it prints the bare value).
        var testBuild = MsBuild(root, testProject, "-t:Build", "-getProperty:TargetPath", "-getProperty:AssemblyName", "-getProperty:CoyoteRewriter", "-getProperty:CoyoteDataRaceChecking");
        var testTarget = testBuild.GetProperty("Properties").GetProperty("TargetPath").GetString()!;
        var coyoteRewriter = CoyoteRewrite.IsNeeded(testFolder)
            ? testBuild.GetProperty("Properties").GetProperty("CoyoteRewriter").GetString()
            : null;
        var runDirectories = Enumerable.Range(1, copies)
            .Select(n => Path.Combine(workFolder, section, Path.GetFileName(testFolder) == section + ".Tests" ? "" : Path.GetFileName(testFolder), $"run{n}"))
            .ToList();
        foreach (var runDirectory in runDirectories)
        {
            if (Directory.Exists(runDirectory))
            {
                Directory.Delete(runDirectory, recursive: true);
            }
            CopyDirectory(Path.GetDirectoryName(testTarget)!, runDirectory);
        }
        var dataRaceChecking = testBuild.GetProperty("Properties").GetProperty("CoyoteDataRaceChecking").GetString() == "true";
        return new TestBuild(Path.GetFileName(testFolder), runDirectories, Path.GetFileName(testTarget), coyoteRewriter, dataRaceChecking);
    }

    // `dotnet msbuild -getProperty/-getItem` prints the values as JSON after running the target.
    private static JsonElement MsBuild(string root, string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["msbuild", project, "-nologo", "-p:KataSource=Solutions", "-restore", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"building {Path.GetFileName(project)} failed:\n{output}\n{errors.Result}");
        }
        // With -restore, MSBuild may print restore lines before the JSON.
        return JsonDocument.Parse(output[output.IndexOf('{')..]).RootElement.Clone();
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}

/// <summary>One test project of a section, built once in solution mode and copied into private run folders.</summary>
/// <param name="RunDirectories">Private copies of the test project's output folder, one for each answer tried at the same time.</param>
/// <param name="TestAssemblyName">The test assembly's file name inside each run folder.</param>
/// <param name="CoyoteRewriter">The Coyote rewriter, when the project has systematic tests (every answer must be rewritten too); otherwise null.</param>
/// <param name="CoyoteDataRaceChecking">Whether the project's rewrite also checks the plain collections (tests/Coyote.targets).</param>
public sealed record TestBuild(string Name, IReadOnlyList<string> RunDirectories, string TestAssemblyName, string? CoyoteRewriter, bool CoyoteDataRaceChecking);

/// <summary>What the C# compiler needs to build a solution project the way MSBuild does.</summary>
public sealed record CompileInputs(
    string AssemblyName,
    string ProjectFolder,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> References,
    IReadOnlyList<string> Analyzers,
    IReadOnlyList<string> DefineConstants,
    string LangVersion,
    bool NullableEnabled,
    bool IsExecutable);
