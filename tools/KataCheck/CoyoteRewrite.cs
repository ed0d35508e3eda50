namespace KataCheck;

/// <summary>
/// Rewrites a freshly compiled wrong answer for Coyote, as tests/Coyote.targets does after a normal build.
/// A section whose tests include systematic tests (*SystematicTests.cs) runs them on rewritten assemblies only: an
/// answer compiled here and left as it is would let Coyote see none of its tasks, and fail with a false deadlock.
/// </summary>
public static class CoyoteRewrite
{
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
        var folder = Path.GetDirectoryName(Path.GetFullPath(assembly))! + Path.DirectorySeparatorChar;
        var target = dataRaceChecking ? Path.Combine(folder, "kata-check.rewrite.coyote.json") : assembly;
        if (dataRaceChecking)
        {
            File.WriteAllText(target, System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["AssembliesPath"] = folder,
                ["OutputPath"] = folder,
                ["Assemblies"] = new[] { Path.GetFileName(assembly) },
                ["IsDataRaceCheckingEnabled"] = true,
            }));
        }
        // The rewriter targets .NET 8: let it run on the newer runtime the SDK brings. It would also send anonymous usage
        // data over the network; the check talks to nothing but this machine.
        var (exitCode, output, errors) = Processes.Run(DotnetHost.Path, [rewriter, "rewrite", target], folder, TimeSpan.FromMinutes(2),
            new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major", ["COYOTE_CLI_TELEMETRY_OPTOUT"] = "1" });
        return exitCode switch
        {
            0 => null,
            -1 => "the Coyote rewriter did not finish within 2 minutes",
            _ => $"the Coyote rewrite failed:\n{output}\n{errors}".Trim(),
        };
    }
}
