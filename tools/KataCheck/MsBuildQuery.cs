using System.Text.Json;

namespace KataCheck;

/// <summary>
/// Asks MSBuild about a project: `dotnet msbuild -getProperty/-getItem` runs the targets, then prints the values as JSON.
/// The coach and the maintainer check both build a section's tests once, then compile one project of the section in
/// process, many times, with the inputs MSBuild resolved (<see cref="CompileInputs"/>).
/// </summary>
public static class MsBuildQuery
{
    /// <summary>Runs `dotnet msbuild <paramref name="project"/> -restore` with the arguments and returns its JSON answer.</summary>
    public static JsonElement Run(string root, string project, params string[] arguments)
    {
        var (exitCode, output, errors) = Processes.Run(DotnetHost.Path, ["msbuild", project, "-nologo", "-restore", .. arguments], root, Timeout.InfiniteTimeSpan);
        if (exitCode != 0 || !output.Contains('{'))
        {
            // MSBuild's output is long; its error lines say what went wrong (or, when there are none, its last lines do).
            var lines = (output + errors).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var errorLines = lines.Where(line => line.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(10).ToList();
            throw new BuildFailedException($"Building {Path.GetRelativePath(root, project)} failed:\n{string.Join('\n', errorLines.Count > 0 ? errorLines : lines.TakeLast(10))}");
        }
        // With -restore, MSBuild may print restore lines before the JSON.
        return JsonDocument.Parse(output[output.IndexOf('{')..]).RootElement.Clone();
    }

    /// <summary>
    /// A section's test projects: tests/NN-Section.Tests first, then any companion tests/NN-Section.*.Tests (section 4 keeps
    /// its systematic tests in one of their own, so that Coyote's packages stay out of the folder its worker runs from).
    /// </summary>
    public static IReadOnlyList<string> TestProjectsOf(string root, string section) =>
        Directory.GetDirectories(Path.Combine(root, "tests"), section + ".*Tests")
            .OrderBy(folder => Path.GetFileName(folder) == section + ".Tests" ? "" : folder, StringComparer.Ordinal)
            .ToList();

    /// <summary>Copies a build's output folder, so that an assembly swapped in there never touches the real build.</summary>
    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }
}

/// <summary>A build that failed, with its error lines; each tool reports it in one message.</summary>
public sealed class BuildFailedException(string message) : Exception(message);
