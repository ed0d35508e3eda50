using System.Xml.Linq;

namespace KataCheck;

/// <summary>One test result read from a TRX file (the test results format that `dotnet test --logger trx` writes).</summary>
public sealed record TestResult(string Assembly, string Name, string Outcome, string Message)
{
    public bool Passed => Outcome == "Passed";
    public bool Failed => Outcome == "Failed";
}

/// <summary>Runs `dotnet test` with a TRX logger and a time limit, so that a hanging run cannot hang the check, and reads its results.</summary>
public static class DotnetTest
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>
    /// Runs the tests into <paramref name="resultsDirectory"/> (emptied first), their output into its dotnet-test.log
    /// unless <paramref name="showOutput"/>. Returns the exit code (-1: still running after <paramref name="limit"/>),
    /// the output and every test result.
    /// </summary>
    /// <param name="launcher">A command that starts `dotnet` for us (`taskset -c 0`), or none.</param>
    /// <param name="runSettings">Inline RunSettings, such as xUnit.StopOnFail=true.</param>
    public static (int ExitCode, string Output, List<TestResult> Results) Run(string root, IEnumerable<string> arguments, string resultsDirectory,
        TimeSpan limit, bool showOutput = false, IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? launcher = null, IReadOnlyList<string>? runSettings = null)
    {
        if (Directory.Exists(resultsDirectory))
        {
            Directory.Delete(resultsDirectory, recursive: true);
        }
        Directory.CreateDirectory(resultsDirectory);
        // Inline RunSettings come last, after `--`.
        string[] command = [.. launcher ?? [], DotnetHost.Path, "test", .. arguments, "--logger", "trx", "--results-directory", resultsDirectory,
            .. runSettings is { Count: > 0 } ? ["--", .. runSettings] : Array.Empty<string>()];
        var (exitCode, output, errors) = Processes.Run(command[0], command[1..], root, limit, environment, showOutput);
        if (!showOutput)
        {
            File.WriteAllText(Path.Combine(resultsDirectory, "dotnet-test.log"), output + errors);
        }
        return (exitCode, output + errors, ReadAll(resultsDirectory));
    }

    /// <summary>Reads every .trx file under <paramref name="folder"/>.</summary>
    public static List<TestResult> ReadAll(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories).SelectMany(Read).ToList()
            : [];

    private static IEnumerable<TestResult> Read(string trxFile)
    {
        var run = XDocument.Load(trxFile).Root!;
        // Each result points at a test definition, which names the test assembly. TRX lower-cases its path; the table
        // wants the project's own spelling, so it compares ignoring case.
        var assemblyOfTest = run.Descendants(Ns + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            test => Path.GetFileNameWithoutExtension((string?)test.Attribute("storage") ?? ""));
        return run.Descendants(Ns + "UnitTestResult").Select(result =>
        {
            var error = result.Element(Ns + "Output")?.Element(Ns + "ErrorInfo");
            return new TestResult(
                assemblyOfTest.GetValueOrDefault((string)result.Attribute("testId")!, "?"),
                (string)result.Attribute("testName")!,
                (string)result.Attribute("outcome")!,
                $"{(string?)error?.Element(Ns + "Message")}\n{(string?)error?.Element(Ns + "StackTrace")}");
        });
    }
}
