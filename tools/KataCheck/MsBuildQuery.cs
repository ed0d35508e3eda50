using System.Diagnostics;
using System.Text.Json;

namespace KataCheck;

/// <summary>
/// Asks MSBuild about a project: `dotnet msbuild -getProperty/-getItem` runs the targets, then prints the values as JSON.
/// Shared by the coach and the maintainer check, which both build a section's tests once and then compile one project
/// of the section in process, many times, with the inputs MSBuild resolved (<see cref="CompileInputs"/>).
/// </summary>
public static class MsBuildQuery
{
    /// <summary>Runs `dotnet msbuild <paramref name="project"/> -restore` with the arguments and returns its JSON answer.</summary>
    public static JsonElement Run(string root, string project, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["msbuild", project, "-nologo", "-restore", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !output.Contains('{'))
        {
            throw new BuildFailedException($"Building {Path.GetRelativePath(root, project)} failed:\n{ErrorLines(output + errors.Result)}");
        }
        // With -restore, MSBuild may print restore lines before the JSON.
        return JsonDocument.Parse(output[output.IndexOf('{')..]).RootElement.Clone();
    }

    /// <summary>What building one test project gave: its assembly, and how Coyote must rewrite what is compiled for it.</summary>
    /// <param name="CoyoteRewriter">The rewriter when the project has systematic tests (then every assembly compiled in
    /// process must be rewritten before the tests load it; see <see cref="CoyoteRewrite"/>), otherwise null.</param>
    public sealed record BuiltTests(string TestAssembly, string? CoyoteRewriter, bool CoyoteDataRaceChecking);

    /// <summary>
    /// A section's test projects: tests/NN-Section.Tests first, then any companion tests/NN-Section.*.Tests
    /// (section 4's systematic tests live in one of their own).
    /// </summary>
    public static IReadOnlyList<string> TestProjectsOf(string root, string section) =>
        Directory.GetDirectories(Path.Combine(root, "tests"))
            .Where(folder => Path.GetFileName(folder) == section + ".Tests" ||
                             (Path.GetFileName(folder).StartsWith(section + ".", StringComparison.Ordinal) && Path.GetFileName(folder).EndsWith(".Tests", StringComparison.Ordinal)))
            .OrderBy(folder => Path.GetFileName(folder) == section + ".Tests" ? 0 : 1)
            .ThenBy(folder => folder, StringComparer.Ordinal)
            .ToList();

    /// <summary>Builds one test project in solution mode (which builds the solution project too).</summary>
    public static BuiltTests BuildTests(string root, string testFolder)
    {
        var testProject = Directory.GetFiles(testFolder, "*.csproj").Single();
        var properties = Run(root, testProject, "-p:KataSource=Solutions", "-t:Build",
                "-getProperty:TargetPath", "-getProperty:CoyoteRewriter", "-getProperty:CoyoteDataRaceChecking")
            .GetProperty("Properties");
        var rewriter = CoyoteRewrite.IsNeeded(testFolder) ? properties.GetProperty("CoyoteRewriter").GetString() : null;
        return new BuiltTests(properties.GetProperty("TargetPath").GetString()!, rewriter,
            properties.GetProperty("CoyoteDataRaceChecking").GetString() == "true");
    }

    /// <summary>Copies a build's output folder, so that an assembly swapped in there never touches the real build.</summary>
    public static void CopyFolder(string from, string to)
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

    // MSBuild's output is long; its error lines say what went wrong (or, when there are none, its last lines do).
    private static string ErrorLines(string output)
    {
        var lines = output.Split('\n').Select(line => line.TrimEnd()).Where(line => line.Length > 0).ToList();
        var errors = lines.Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(10).ToList();
        return string.Join('\n', errors.Count > 0 ? errors : lines.TakeLast(10));
    }
}

/// <summary>A build that failed, with its error lines; each tool reports it in one message.</summary>
public sealed class BuildFailedException(string message) : Exception(message);
