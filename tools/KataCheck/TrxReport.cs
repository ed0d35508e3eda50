using System.Xml.Linq;

namespace KataCheck;

/// <summary>One test result read from a TRX file (the test results format that `dotnet test --logger trx` writes).</summary>
public sealed record TestResult(string Assembly, string Name, string Outcome, string Message)
{
    public bool Passed => Outcome == "Passed";
    public bool Failed => Outcome == "Failed";
}

public static class TrxReport
{
    private static readonly XNamespace Ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Reads every .trx file under <paramref name="folder"/>.</summary>
    public static List<TestResult> ReadAll(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.trx", SearchOption.AllDirectories).SelectMany(Read).ToList()
            : [];

    private static IEnumerable<TestResult> Read(string trxFile)
    {
        var run = XDocument.Load(trxFile).Root!;
        // Each result points at a test definition, which names the test assembly.
        var assemblyOfTest = run.Descendants(Ns + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            // TRX lower-cases the storage path; the table wants the project's own spelling, so compare ignoring case.
            test => Path.GetFileNameWithoutExtension((string?)test.Attribute("storage") ?? ""));

        foreach (var result in run.Descendants(Ns + "UnitTestResult"))
        {
            var error = result.Element(Ns + "Output")?.Element(Ns + "ErrorInfo");
            var message = string.Join("\n",
                (string?)error?.Element(Ns + "Message") ?? "",
                (string?)error?.Element(Ns + "StackTrace") ?? "");
            yield return new TestResult(
                assemblyOfTest.GetValueOrDefault((string)result.Attribute("testId")!, "?"),
                (string)result.Attribute("testName")!,
                (string)result.Attribute("outcome")!,
                message);
        }
    }
}
