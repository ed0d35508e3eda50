namespace Repository.Tests;

// Every worker a section 4 test starts goes through Cluster.StartWorker (a TestWorker), whose stop asserts exit code 0 and
// an empty stderr. A test that called WorkerProcess.Start itself would stop its worker unchecked.
public class WorkerStopsAreCheckedTests
{
    [Fact]
    public void Section_4_tests_start_their_workers_through_Cluster_StartWorker()
    {
        var folder = RepositoryFiles.PathOf("tests/04-Distributed.Tests");
        var unchecked_ = Directory.GetFiles(folder, "*.cs")
            .Where(file => Path.GetFileName(file) is not ("Cluster.cs" or "TestWorker.cs"))
            .Where(file => File.ReadAllText(file).Contains("WorkerProcess.Start(", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .ToList();

        Assert.True(unchecked_.Count == 0,
            $"These test files start a worker with WorkerProcess.Start, so its stop is not checked: {string.Join(", ", unchecked_)}. " +
            "Use Cluster.StartWorker instead.");
    }
}
