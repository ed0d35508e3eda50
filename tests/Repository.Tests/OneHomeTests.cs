namespace Repository.Tests;

// Some helpers are needed by the katas, the tests, the tools and the notebooks alike. Each has one home, which the
// others compile (a linked file), or load (a notebook's #load). A second copy would drift from the first, so each
// test here fails when the code that only the home should hold appears anywhere else.
public class OneHomeTests
{
    [Theory]
    // The dotnet host, which starts an assembly as a child program.
    [InlineData("GetRuntimeDirectory(", "katas/Shared/DotnetHost.cs")]
    [InlineData("DOTNET_HOST_PATH", "katas/Shared/DotnetHost.cs")] // the SDK's variable: a second way to find it
    // The repository's root: the folder above that holds katas/course.json.
    [InlineData("new DirectoryInfo(", "katas/Shared/Course.cs")]
    // Whether a process still runs (a zombie does not), and killing what is left: the tests and tools/Broker link it.
    [InlineData("/proc/{pid}/stat", "tests/Shared/ChildProcesses.cs")]
    public void Only_its_home_holds_the_code_of_a_shared_helper(string code, string home)
    {
        var elsewhere = SourcesAndNotebooks().Where(file => file != home && RepositoryFiles.Read(file).Contains(code, StringComparison.Ordinal)).ToList();

        Assert.True(elsewhere.Count == 0,
            $"{string.Join(", ", elsewhere)} hold(s) code that lives in {home} ({code}...). Use the one in {home} instead: " +
            "link it (<Compile Include=\"...\" Link=\"Shared/...\" />), or in a notebook load it (#load \"../katas/Shared/...\").");
    }

    [Fact]
    public void Notebooks_load_the_dotnet_host_from_its_home()
    {
        var notebook = RepositoryFiles.Read("notebooks/02-threads-and-processes.dib");

        Assert.Contains("#load \"../katas/Shared/DotnetHost.cs\"", notebook, StringComparison.Ordinal);
    }

    // Every C# file and notebook of the repository, except the wrong-answer corpus (copies of solution files, on purpose)
    // and this file, which names the code it looks for.
    private static IEnumerable<string> SourcesAndNotebooks() =>
        new[] { "katas", "solutions", "tests", "tools", "notebooks", "bench" }
            .SelectMany(folder => RepositoryFiles.SourceFiles(folder).Select(path => $"{folder}/{path}"))
            .Where(path => !path.StartsWith("tests/WrongAnswers/", StringComparison.Ordinal) && path != "tests/Repository.Tests/OneHomeTests.cs")
            .Concat(Directory.GetFiles(RepositoryFiles.PathOf("notebooks"), "*.dib").Select(path => $"notebooks/{Path.GetFileName(path)}"));
}
