using NotebookEngine;

namespace Notebooks.Tests;

// Tests of the engine itself, each on a small notebook in Fixtures/ made for it.
[Collection(NotebookRuns.Name)]
public class EngineTests
{
    static Task<NotebookResult> Run(string fixture, TimeSpan? timeout = null)
    {
        var path = Path.Combine(Repository.FixturesFolder, fixture);
        return NotebookRunner.RunFileAsync(path, Repository.Display(path),
            new RunOptions { CellTimeout = timeout ?? RunOptions.DefaultCellTimeout });
    }

    static CellResult Cell(NotebookResult result, string firstLine) =>
        result.CodeCells.Single(c => c.Cell.FirstLine == firstLine);

    static string AllErrors(NotebookResult result) => string.Join("\n", result.Cells.SelectMany(c => c.Errors));

    [Fact]
    public async Task State_carries_across_cells_and_top_level_await_works()
    {
        var result = await Run("state-and-await.dib");

        Assert.True(result.Succeeded, AllErrors(result));
        Assert.Equal("42\n", Cell(result, "// Cell that reads state").Output);
        Assert.Equal("after await: 82\n", Cell(result, "// Cell that awaits").Output);
        Assert.Equal("3 code cells: 3 passed, 0 failed", result.Summary);
    }

    [Fact]
    public async Task Values_are_shown_like_the_kernels_plain_text_formatter()
    {
        var result = await Run("values.dib");

        Assert.True(result.Succeeded, AllErrors(result));
        Assert.Equal("plain text\n", Cell(result, "// A string").Output);
        Assert.Equal("<null>\n", Cell(result, "// Null").Output);
        Assert.Equal("[ 1, 2, 3 ]\n", Cell(result, "// A short sequence").Output);
        Assert.Equal($"[ {string.Join(", ", Enumerable.Range(1, 20))} ] ... (5 more)\n", Cell(result, "// A long list").Output);
        Assert.Equal($"[ {string.Join(", ", Enumerable.Range(0, 20))} ] ... (more)\n", Cell(result, "// An endless sequence").Output);
        Assert.Equal("Point { X: 3, Name: p }\n", Cell(result, "// An object").Output);
        Assert.Equal("42\nshown\n[ a, b ]\n", Cell(result, "// display and Display").Output);
        Assert.Equal("", Cell(result, "// A statement has no value").Output);
        Assert.Equal("no newline", Cell(result, "// A void call has no value").Output);
    }

    [Fact]
    public async Task Console_output_from_other_threads_is_captured()
    {
        var result = await Run("worker-output.dib");

        Assert.True(result.Succeeded, AllErrors(result));
        var lines = result.CodeCells.Single().Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order();
        Assert.Equal(["from a worker thread", "from the thread pool, on stderr", "parallel 0", "parallel 1", "parallel 2"], lines);
    }

    [Fact]
    public async Task A_compile_error_names_the_file_the_cell_and_the_line_and_the_run_goes_on()
    {
        var result = await Run("compile-error.dib");

        Assert.False(result.Succeeded);
        var broken = Cell(result, "// Broken cell");
        Assert.Equal(CellStatus.Failed, broken.Status);
        Assert.StartsWith("tests/Notebooks.Tests/Fixtures/compile-error.dib, cell 2 (// Broken cell), line 3: error CS0103:", Assert.Single(broken.Errors));
        // The next cell runs on the state of the last good cell.
        Assert.Equal("state of the good cell\n", Cell(result, "// Cell after the broken one").Output);
        Assert.Equal("3 code cells: 2 passed, 1 failed", result.Summary);
    }

    [Fact]
    public async Task A_runtime_exception_is_reported_with_its_line_and_the_run_goes_on()
    {
        var result = await Run("runtime-exception.dib");

        var throwing = Cell(result, "// Throwing cell");
        Assert.Equal(CellStatus.Failed, throwing.Status);
        Assert.Equal("before the throw\n", throwing.Output);
        Assert.Equal("tests/Notebooks.Tests/Fixtures/runtime-exception.dib, cell 1 (// Throwing cell), line 3: System.InvalidOperationException: boom",
            Assert.Single(throwing.Errors));
        Assert.Equal(CellStatus.Passed, Cell(result, "// Cell after the throw").Status);
        Assert.Equal("still running\n", Cell(result, "// Cell after the throw").Output);
        Assert.EndsWith("cell 3 (// A value that throws while it is shown): the cell's value could not be shown: System.InvalidOperationException: bad item",
            Assert.Single(Cell(result, "// A value that throws while it is shown").Errors));
    }

    [Fact]
    public async Task Only_the_packages_the_engine_references_can_be_loaded_at_their_pinned_version()
    {
        var result = await Run("packages.dib");

        var unknown = Assert.Single(Cell(result, "// Unknown package").Errors);
        Assert.StartsWith("tests/Notebooks.Tests/Fixtures/packages.dib, cell 1 (// Unknown package), line 2: the package 'Newtonsoft.Json' is not available", unknown);
        Assert.Contains("RabbitMQ.Client 7.2.2", unknown);

        var wrongVersion = Assert.Single(Cell(result, "// Wrong version").Errors);
        Assert.Contains("cell 2 (// Wrong version), line 2: RabbitMQ.Client version 6.8.1 is not available; the engine provides RabbitMQ.Client 7.2.2", wrongVersion);

        var pinned = Cell(result, "// Pinned packages");
        Assert.True(pinned.Status == CellStatus.Passed, string.Join("\n", pinned.Errors));
        Assert.Equal("2026-01-01 01:00:00Z\nConnectionFactory\n", pinned.Output);
    }

    [Fact]
    public async Task Magic_commands_are_errors_that_name_the_cell_and_the_line()
    {
        var result = await Run("magic-commands.dib");

        Assert.Equal(0, result.PassedCount);
        Assert.StartsWith("tests/Notebooks.Tests/Fixtures/magic-commands.dib, cell 1 (// Cell with a magic command), line 3: Unknown magic command '#!set'",
            Assert.Single(Cell(result, "// Cell with a magic command").Errors));
        Assert.Contains("cell 2 (#!time), line 1: Unknown magic command '#!time'", Assert.Single(Cell(result, "#!time").Errors));
        Assert.Contains("cell 3 (// Nuget source), line 2: Unknown magic command '#i'", Assert.Single(Cell(result, "// Nuget source").Errors));
    }

    [Fact]
    public async Task A_malformed_meta_header_names_the_file_and_the_line()
    {
        var error = await Assert.ThrowsAsync<NotebookFormatException>(() => Run("malformed-meta.dib"));

        Assert.StartsWith("tests/Notebooks.Tests/Fixtures/malformed-meta.dib, line 3: the #!meta header is not valid JSON", error.Message);
    }

    [Fact]
    public async Task A_cell_that_never_finishes_is_given_up_after_the_timeout()
    {
        var result = await Within.Await(Run("hung-cell.dib", TimeSpan.FromSeconds(2)),
            "The engine did not give up a cell that blocks forever.", TimeSpan.FromSeconds(30));

        Assert.Equal(CellStatus.Passed, Cell(result, "// Before").Status);
        var hung = Cell(result, "// Never finishes");
        Assert.Equal(CellStatus.Failed, hung.Status);
        Assert.Equal("about to block\n", hung.Output);
        Assert.Contains("cell 2 (// Never finishes): the cell did not finish within 2 s", Assert.Single(hung.Errors));
        Assert.Equal(CellStatus.NotRun, Cell(result, "// After").Status);
        Assert.Equal("3 code cells: 1 passed, 1 failed, 1 not run", result.Summary);
    }

    [Fact]
    public async Task A_cell_runs_in_the_notebooks_folder_and_the_run_restores_the_process()
    {
        var (console, directory) = (Console.Out, Environment.CurrentDirectory);

        var result = await Run("directory.dib");

        Assert.Equal("Fixtures\nTrue\n", result.CodeCells.Single().Output);
        Assert.Same(console, Console.Out);
        Assert.Equal(directory, Environment.CurrentDirectory);
    }
}
