using NotebookHost;

namespace Notebooks.Tests;

// Tests of the runner itself, each on a small notebook in Fixtures/ made for it.
[Collection(NotebookRuns.Name)]
public class RunnerTests
{
    static Task<NotebookResult> Run(string fixture, TimeSpan? timeout = null, bool keepGoing = false)
    {
        var path = Path.Combine(Repository.FixturesFolder, fixture);
        return NotebookRunner.RunFileAsync(path, Repository.Display(path),
            new RunOptions(timeout ?? RunOptions.DefaultCellTimeout, keepGoing));
    }

    static CellResult Cell(NotebookResult result, string firstLine) =>
        result.CodeCells.Single(c => c.Cell.FirstLine == firstLine);

    static string Text(CellResult cell) => OutputScrubber.PlainText(cell.Outputs);

    static string AllErrors(NotebookResult result) => string.Join("\n", result.Cells.SelectMany(c => c.Errors));

    [Fact]
    public async Task State_carries_across_cells_and_top_level_await_works()
    {
        var result = await Run("state-and-await.dib");

        Assert.True(result.Succeeded, AllErrors(result));
        Assert.Equal("42\n", Text(Cell(result, "// Cell that reads state")));
        Assert.Equal("after await: 82\n", Text(Cell(result, "// Cell that awaits")));
        Assert.Equal("3 code cells: 3 passed, 0 failed", result.Summary);
    }

    [Fact]
    public async Task Values_are_the_kernels_own_with_every_mime_type_kept()
    {
        var result = await Run("values.dib");

        Assert.True(result.Succeeded, AllErrors(result));
        Assert.Equal("plain text\n", Text(Cell(result, "// A string")));
        Assert.Equal("<null>\n", Text(Cell(result, "// Null")));
        Assert.Equal("[ 1, 2, 3 ]\n", Text(Cell(result, "// A short sequence")));
        Assert.Equal($"[ {string.Join(", ", Enumerable.Range(1, 20))} ... (5 more) ]\n", Text(Cell(result, "// A long list")));
        Assert.Equal("42\nshown\n[ a, b ]\n", Text(Cell(result, "// display and Display")));
        Assert.Equal("", Text(Cell(result, "// A statement has no value")));
        Assert.Equal("no newline", Text(Cell(result, "// A void call has no value")));

        // An object is shown as a table in VS Code (text/html) and as a property list in plain text.
        var point = Assert.Single(Cell(result, "// An object").Outputs);
        Assert.Equal(OutputKind.ReturnValue, point.Kind);
        Assert.Contains("<table>", point.Data["text/html"]);
        Assert.Equal(["Point", "X: 3", "Name: p"], point.Text.Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public async Task Console_output_from_other_threads_is_captured()
    {
        var result = await Run("worker-output.dib");

        Assert.True(result.Succeeded, AllErrors(result));
        var cell = result.CodeCells.Single();
        var lines = Text(cell).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order();
        Assert.Equal(["from a worker thread", "from the thread pool, on stderr", "parallel 0", "parallel 1", "parallel 2"], lines);
        Assert.Contains(cell.Outputs, o => o.Kind == OutputKind.StandardError && o.Text.Contains("on stderr"));
    }

    [Fact]
    public async Task A_compile_error_names_the_file_the_cell_and_the_line_and_stops_the_run()
    {
        var result = await Run("compile-error.dib");

        var broken = Cell(result, "// Broken cell");
        Assert.Equal(CellStatus.Failed, broken.Status);
        Assert.StartsWith("tests/Notebooks.Tests/Fixtures/compile-error.dib, cell 2 (// Broken cell), line 3: (3,9): error CS0103:", Assert.Single(broken.Errors));
        var after = Cell(result, "// Cell after the broken one");
        Assert.Equal(CellStatus.NotRun, after.Status);
        Assert.Equal("tests/Notebooks.Tests/Fixtures/compile-error.dib, cell 3 (// Cell after the broken one): not run, because cell 2 (// Broken cell) failed.",
            Assert.Single(after.Errors));
        Assert.Equal("3 code cells: 1 passed, 1 failed, 1 not run", result.Summary);
    }

    [Fact]
    public async Task With_keep_going_the_cells_after_a_failing_one_run_on_the_last_good_state()
    {
        var result = await Run("compile-error.dib", keepGoing: true);

        Assert.Equal(CellStatus.Failed, Cell(result, "// Broken cell").Status);
        Assert.Equal("state of the good cell\n", Text(Cell(result, "// Cell after the broken one")));
        Assert.Equal("3 code cells: 2 passed, 1 failed", result.Summary);
    }

    [Fact]
    public async Task A_runtime_exception_names_the_line_within_the_cell_beside_the_kernels_text()
    {
        var result = await Run("runtime-exception.dib");

        var throwing = Cell(result, "// Throwing cell");
        Assert.Equal(CellStatus.Failed, throwing.Status);
        Assert.Equal("before the throw\n", Text(throwing));
        Assert.StartsWith("tests/Notebooks.Tests/Fixtures/runtime-exception.dib, cell 1 (// Throwing cell), line 3: System.InvalidOperationException: boom",
            Assert.Single(throwing.Errors));
        Assert.Equal(CellStatus.NotRun, Cell(result, "// Cell after the throw").Status);
    }

    [Fact]
    public async Task A_compiler_warning_is_reported_with_its_cell_and_line()
    {
        var result = await Run("warning.dib");

        Assert.True(result.Succeeded, AllErrors(result));
        Assert.StartsWith("tests/Notebooks.Tests/Fixtures/warning.dib, cell 1 (// A cell with a warning), line 3: warning CS8632:",
            Assert.Single(result.Warnings));
    }

    [Fact]
    public async Task A_cell_that_never_finishes_is_cancelled_after_the_time_limit_and_nothing_runs_after_it()
    {
        var result = await Within.Await(Run("hung-cell.dib", TimeSpan.FromSeconds(3), keepGoing: true),
            "The runner did not give up a cell that blocks forever.", TimeSpan.FromSeconds(60));

        Assert.Equal(CellStatus.Passed, Cell(result, "// Before").Status);
        var hung = Cell(result, "// Never finishes");
        Assert.Equal(CellStatus.Failed, hung.Status);
        Assert.Equal("about to block\n", Text(hung));
        Assert.Contains("cell 2 (// Never finishes): the cell did not finish within 3 s and was cancelled", Assert.Single(hung.Errors));
        Assert.True(hung.TimedOut);
        Assert.Equal(CellStatus.NotRun, Cell(result, "// After").Status);
        Assert.Equal("3 code cells: 1 passed, 1 failed, 1 not run", result.Summary);
    }

    [Fact]
    public async Task A_cell_runs_in_the_notebooks_folder_and_the_run_restores_the_current_directory()
    {
        var directory = Environment.CurrentDirectory;

        var result = await Run("directory.dib");

        Assert.Equal("Fixtures\nTrue\n", Text(result.CodeCells.Single()));
        Assert.Equal(directory, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task An_export_holds_every_cell_and_the_scrubbed_outputs_on_the_dotnet_csharp_kernel()
    {
        var result = await Run("export.dib");
        Assert.True(result.Succeeded, AllErrors(result));

        var json = Ipynb.Export(result);
        var path = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.ipynb");
        File.WriteAllText(path, json);
        try
        {
            var ipynb = NotebookFile.Read(path);
            Assert.Equal(result.Notebook.Cells.Select(c => (c.Kernel, c.Text.TrimEnd())), ipynb.Cells.Select(c => (c.Kernel, c.Text.TrimEnd())));
            Assert.Equal(SnapshotText.Of(result), SnapshotText.Of(ipynb));
            Assert.Contains("\"name\": \".net-csharp\"", json);
            Assert.Contains("\"#!mermaid\\n\"", json);
            Assert.Contains("this is PID <pid>", json);
            Assert.Contains("<table>", json); // the value's HTML is kept beside its plain text
            Assert.DoesNotContain(result.Cells.Single(c => c.Cell.FirstLine == "// A benchmark").Outputs[0].Text.Trim(), json);
            Assert.Equal(json, Ipynb.Export(result)); // the same run exports the same text
        }
        finally
        {
            File.Delete(path);
        }
    }
}
