using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

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
internal sealed record SectionBuild(string Section, string RunFolder, string TestAssemblyPath, KataCompileInputs Inputs, string? CoyoteRewriter)
{
    private const string Marker = "prepared.json";

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
        var testProject = Directory.GetFiles(Path.Combine(root, "tests", section + ".Tests"), "*.csproj").Single();
        var kataProject = Directory.GetFiles(Path.Combine(root, "katas", section), "*.csproj").Single();

        var testBuild = MsBuild(root, testProject, "-p:KataSource=Solutions", "-restore", "-t:Build", "-getProperty:TargetPath", "-getProperty:CoyoteRewriter")
            .GetProperty("Properties");
        var testTarget = testBuild.GetProperty("TargetPath").GetString()!;
        // A section with systematic (Coyote) tests runs them on rewritten assemblies only, so your kata is rewritten too.
        var coyoteRewriter = KataCheck.CoyoteRewrite.IsNeeded(Path.GetDirectoryName(testProject)!)
            ? testBuild.GetProperty("CoyoteRewriter").GetString()
            : null;

        // SkipCompilerExecution: run everything up to the compiler (references, generated files) but not the compiler itself.
        var kata = MsBuild(root, kataProject, "-restore", "-t:Compile", "-p:SkipCompilerExecution=true",
            "-getItem:Compile", "-getItem:ReferencePathWithRefAssemblies",
            "-getProperty:AssemblyName", "-getProperty:DefineConstants", "-getProperty:LangVersion", "-getProperty:Nullable", "-getProperty:NoWarn");
        var properties = kata.GetProperty("Properties");
        var kataFolder = Path.GetDirectoryName(kataProject)!;
        List<string> Paths(string item) =>
            kata.GetProperty("Items").GetProperty(item).EnumerateArray()
                .Select(entry => Path.GetFullPath(entry.GetProperty("Identity").GetString()!, kataFolder))
                .ToList();
        var inputs = new KataCompileInputs(
            AssemblyName: properties.GetProperty("AssemblyName").GetString()!,
            KataFolder: kataFolder,
            // Your own files are found again at each run (a file you add is picked up); these are the others.
            OtherSources: Paths("Compile").Where(path => !KataCompiler.IsLearnerSource(kataFolder, path)).ToList(),
            References: Paths("ReferencePathWithRefAssemblies"),
            DefineConstants: properties.GetProperty("DefineConstants").GetString()!.Split(';', StringSplitOptions.RemoveEmptyEntries),
            LangVersion: properties.GetProperty("LangVersion").GetString()!,
            NullableEnabled: properties.GetProperty("Nullable").GetString() == "enable",
            NoWarn: properties.GetProperty("NoWarn").GetString()!.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var runFolder = Path.Combine(folder, "run");
        CopyDirectory(Path.GetDirectoryName(testTarget)!, runFolder);
        var host = Path.Combine(AppContext.BaseDirectory, "CoachTestHost.dll");
        File.Copy(host, Path.Combine(runFolder, "CoachTestHost.dll"), overwrite: true);

        var build = new SectionBuild(section, runFolder, Path.Combine(runFolder, Path.GetFileName(testTarget)), inputs, coyoteRewriter);
        File.WriteAllText(marker, JsonSerializer.Serialize(build));
        File.WriteAllText(Path.Combine(folder, "key"), key);
        return build;
    }

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
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file)));
            hash.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // `dotnet msbuild -getProperty/-getItem` prints the values as JSON after running the target.
    private static JsonElement MsBuild(string root, string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["msbuild", project, "-nologo", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !output.Contains('{'))
        {
            throw new CoachException($"Building {Path.GetRelativePath(root, project)} failed:\n{Tail(output + errors.Result)}");
        }
        return JsonDocument.Parse(output[output.IndexOf('{')..]).RootElement.Clone();
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(10));

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }
}

/// <summary>What the C# compiler needs to build a kata project the way MSBuild does.</summary>
internal sealed record KataCompileInputs(
    string AssemblyName,
    string KataFolder,
    IReadOnlyList<string> OtherSources,
    IReadOnlyList<string> References,
    IReadOnlyList<string> DefineConstants,
    string LangVersion,
    bool NullableEnabled,
    IReadOnlyList<string> NoWarn);

/// <summary>A problem the coach explains in one line and ends on, with a distinct exit code.</summary>
internal sealed class CoachException(string message, int exitCode = 3) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
