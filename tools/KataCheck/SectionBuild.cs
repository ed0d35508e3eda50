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
    private SectionBuild(string section, IReadOnlyList<string> runDirectories, string testAssemblyName, CompileInputs inputs, string? coyoteRewriter)
    {
        CoyoteRewriter = coyoteRewriter;
        Section = section;
        RunDirectories = runDirectories;
        TestAssemblyName = testAssemblyName;
        Inputs = inputs;
    }

    public string Section { get; }

    /// <summary>Private copies of the test project's output folder, one for each answer tried at the same time.</summary>
    public IReadOnlyList<string> RunDirectories { get; }

    /// <summary>The test assembly's file name inside each run folder.</summary>
    public string TestAssemblyName { get; }

    public CompileInputs Inputs { get; }

    /// <summary>The Coyote rewriter, when the section has systematic tests (every answer must be rewritten too); otherwise null.</summary>
    public string? CoyoteRewriter { get; }

    public static SectionBuild Prepare(string root, string section, string workFolder, int copies)
    {
        var testProject = Directory.GetFiles(Path.Combine(root, "tests", section + ".Tests"), "*.csproj").Single();
        var solutionProject = Directory.GetFiles(Path.Combine(root, "solutions", section), "*.csproj").Single();

        // Building the test project builds the solution project too, so its generated sources exist below.
        // Two properties, so that MSBuild answers in JSON (with one it prints the bare value).
        var testBuild = MsBuild(root, testProject, "-t:Build", "-getProperty:TargetPath", "-getProperty:AssemblyName", "-getProperty:CoyoteRewriter");
        var testTarget = testBuild.GetProperty("Properties").GetProperty("TargetPath").GetString()!;
        var coyoteRewriter = CoyoteRewrite.IsNeeded(Path.GetDirectoryName(testProject)!)
            ? testBuild.GetProperty("Properties").GetProperty("CoyoteRewriter").GetString()
            : null;

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

        var runDirectories = Enumerable.Range(1, copies).Select(n => Path.Combine(workFolder, section, $"run{n}")).ToList();
        foreach (var runDirectory in runDirectories)
        {
            if (Directory.Exists(runDirectory))
            {
                Directory.Delete(runDirectory, recursive: true);
            }
            CopyDirectory(Path.GetDirectoryName(testTarget)!, runDirectory);
        }
        return new SectionBuild(section, runDirectories, Path.GetFileName(testTarget), inputs, coyoteRewriter);
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
