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

    /// <summary>
    /// Builds the section's test project in solution mode (which builds the solution project too) and returns its
    /// assembly, with the Coyote rewriter when the section has systematic tests (then every assembly compiled in process
    /// must be rewritten before the tests load it; see <see cref="CoyoteRewrite"/>).
    /// </summary>
    public static (string TestAssembly, string? CoyoteRewriter) BuildTests(string root, string section)
    {
        var testProject = Directory.GetFiles(Path.Combine(root, "tests", section + ".Tests"), "*.csproj").Single();
        // Two properties, so that MSBuild answers in JSON (with one it prints the bare value).
        var properties = Run(root, testProject, "-p:KataSource=Solutions", "-t:Build", "-getProperty:TargetPath", "-getProperty:CoyoteRewriter")
            .GetProperty("Properties");
        var rewriter = CoyoteRewrite.IsNeeded(Path.GetDirectoryName(testProject)!) ? properties.GetProperty("CoyoteRewriter").GetString() : null;
        return (properties.GetProperty("TargetPath").GetString()!, rewriter);
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
