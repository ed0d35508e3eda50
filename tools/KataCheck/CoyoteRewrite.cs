using System.Diagnostics;

namespace KataCheck;

/// <summary>
/// Rewrites a freshly compiled wrong answer for Coyote, as tests/Coyote.targets does after a normal build.
/// A section whose tests include systematic tests (*SystematicTests.cs) runs them on rewritten assemblies only: an
/// answer compiled here and left as it is would let Coyote see none of its tasks, and fail with a false deadlock.
/// </summary>
public static class CoyoteRewrite
{
    /// <summary>True when the section's test project has systematic tests, so its kata assembly must be rewritten.</summary>
    public static bool IsNeeded(string testProjectFolder) =>
        Directory.EnumerateFiles(testProjectFolder, "*SystematicTests.cs").Any();

    /// <summary>Rewrites <paramref name="assembly"/> in place with the rewriter at <paramref name="rewriter"/>; returns null or the error.</summary>
    /// <param name="dataRaceChecking">
    /// As the test project's CoyoteDataRaceChecking (tests/Coyote.targets): also rewrite the plain collections, so that Coyote
    /// fails a test when two tasks use one of them at the same time. The command line has no switch for it: a JSON
    /// configuration does it, with the output folder the input folder (in place).
    /// </param>
    public static string? Run(string rewriter, string assembly, bool dataRaceChecking = false)
    {
        if (!File.Exists(rewriter))
        {
            return $"the Coyote rewriter is missing ({rewriter}); build the tests once to restore it";
        }
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The rewriter targets .NET 8: let it run on the newer runtime the SDK brings.
        start.Environment["DOTNET_ROLL_FORWARD"] = "Major";
        var target = assembly;
        if (dataRaceChecking)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(assembly))! + Path.DirectorySeparatorChar;
            target = Path.Combine(folder, "kata-check.rewrite.coyote.json");
            File.WriteAllText(target, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["AssembliesPath"] = folder,
                ["OutputPath"] = folder,
                ["Assemblies"] = new[] { Path.GetFileName(assembly) },
                ["IsDataRaceCheckingEnabled"] = true,
            }));
        }
        foreach (var argument in (string[])[rewriter, "rewrite", target])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            return "the Coyote rewriter did not finish within 2 minutes";
        }
        return process.ExitCode == 0 ? null : $"the Coyote rewrite failed:\n{output}\n{errors.Result}".Trim();
    }
}
