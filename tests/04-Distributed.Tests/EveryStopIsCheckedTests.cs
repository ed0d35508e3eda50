using System.Runtime.CompilerServices;

namespace Distributed.Tests;

// Every worker a test starts goes through Workers.Start (a TestWorker), whose stop asserts exit code 0 and an empty
// stderr. A test that called WorkerProcess.Start itself would stop its worker unchecked.
public class EveryStopIsCheckedTests
{
    [Fact]
    public void Tests_start_their_workers_through_Workers_Start()
    {
        var folder = Path.GetDirectoryName(ThisFile())!;
        var unchecked_ = Directory.GetFiles(folder, "*.cs")
            .Where(file => Path.GetFileName(file) is not ("Workers.cs" or "TestWorker.cs" or "EveryStopIsCheckedTests.cs"))
            .Where(file => File.ReadAllText(file).Contains("WorkerProcess.Start(", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.True(unchecked_.Count == 0,
            $"These test files start a worker with WorkerProcess.Start, so its stop is not checked: {string.Join(", ", unchecked_)}. " +
            "Use Workers.Start instead.");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
