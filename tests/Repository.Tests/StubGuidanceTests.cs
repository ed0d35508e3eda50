using System.Text.RegularExpressions;

namespace Repository.Tests;

// Every stub sends the learner to a notebook cell: Todo.Kata("02-threads-and-processes.dib", "In [17]").
// A renamed notebook or cell would send them nowhere, and nothing else would notice.
public partial class StubGuidanceTests
{
    [Fact]
    public void Every_stub_names_a_notebook_cell_that_exists()
    {
        var stubs = RepositoryFiles.SourceFiles("katas")
            .SelectMany(file => StubCall().Matches(RepositoryFiles.Read(Path.Combine("katas", file)))
                .Select(call => (File: $"katas/{file}", Notebook: call.Groups[1].Value, Cell: call.Groups[2].Value)))
            .ToList();
        Assert.NotEmpty(stubs);

        var broken = stubs
            .Where(stub => !NamesCell(stub.Notebook, stub.Cell))
            .Select(stub => $"{stub.File} points to '// {stub.Cell}' in notebooks/{stub.Notebook}")
            .Distinct()
            .ToList();

        Assert.True(broken.Count == 0, "These stubs send learners to a cell that is not there:\n" + string.Join("\n", broken));
    }

    // A cell is named by its first line; a line that is exactly the name is close enough, and never matches by accident.
    private static bool NamesCell(string notebook, string cell)
    {
        var path = RepositoryFiles.PathOf(Path.Combine("notebooks", notebook));
        return File.Exists(path) && File.ReadLines(path).Any(line => line.Trim() == $"// {cell}");
    }

    [GeneratedRegex(@"Todo\.Kata\(\s*""([^""]+)""\s*,\s*""([^""]+)""")]
    private static partial Regex StubCall();
}
