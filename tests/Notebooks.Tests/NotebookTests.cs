using NotebookHost;
using Snapshooter;

namespace Notebooks.Tests;

// Runs every notebook in notebooks/ headless on the C# kernel and holds its outputs against a snapshot,
// one .snap file per notebook in __snapshots__ (NotebookTests.Runs_green_and_prints_what_its_snapshot_holds_<name>.snap).
// A new notebook needs no edit here: its snapshot is written on its first run (unless
// SNAPSHOOTER_STRICT_MODE=on, as in CI, where a missing snapshot fails). See README.md for the scrub rules.
[Collection(NotebookRuns.Name)]
public class NotebookTests
{
    public static TheoryData<string> Notebooks => [.. Repository.NotebookNames];

    // Longer than the terminal's default: on a cold CI machine a setup cell that builds a project
    // (section 4 builds its worker) can take minutes. A cell that hangs still ends the test.
    static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(5);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Runs_green_and_prints_what_its_snapshot_holds(string notebook)
    {
        var path = Repository.NotebookPath(notebook);

        var result = await NotebookRunner.RunFileAsync(path, Repository.Display(path), new RunOptions(CellTimeout));

        var errors = result.Cells.SelectMany(c => c.Errors).ToList();
        Assert.True(errors.Count == 0,
            $"{Repository.Display(path)}: {result.Summary}\n{string.Join("\n", errors)}\n" +
            $"Run it in a terminal to see every cell: dotnet run --project tools/Notebook -- {Repository.Display(path)}");
        // VS Code shows a warning as a squiggle under the learner's code, and Jupyter prints it: a lesson has none.
        Assert.True(!result.Warnings.Any(),
            $"{Repository.Display(path)} compiles with warnings that a learner would see:\n{string.Join("\n", result.Warnings)}");
        Snapshot.Match(SnapshotText.Of(result), SnapshotNameExtension.Create(notebook));
    }

    [Fact]
    public void The_notebooks_folder_holds_notebooks()
    {
        Assert.True(Repository.NotebookNames.Any(), $"No .dib file in {Repository.NotebooksFolder}.");
    }
}
