using NotebookHost;

namespace Notebooks.Tests;

// The snapshot rules (tools/NotebookHost/OutputScrubber.cs): what varies between runs becomes a placeholder.
public class ScrubberTests
{
    [Theory]
    [InlineData("child PID 1234 started", "child PID <pid> started")]
    [InlineData("pid 99, PID: 4242", "PID <pid>, PID <pid>")]
    [InlineData("on thread 7, thread #12, thread id 3, Thread 5", "on thread <id>, thread <id>, thread <id>, Thread <id>")]
    [InlineData("took 12.3 ms, then 1.50 s, then 2 seconds, 850 us", "took <duration>, then <duration>, then <duration>, <duration>")]
    [InlineData("1,234 tasks/s and 56/s", "<rate> and <rate>")]
    [InlineData("3.4x faster, 2x", "<ratio>x faster, <ratio>x")]
    [InlineData("3 squares, 4 threads, 0x1F, sum is 10", "3 squares, 4 threads, 0x1F, sum is 10")]
    public void Replaces_what_varies_and_keeps_the_rest(string text, string expected)
    {
        Assert.Equal(expected, OutputScrubber.Scrub(text));
    }

    [Fact]
    public void The_readme_lists_exactly_the_rules_the_scrubber_applies()
    {
        // The README's table ("What the snapshot holds") is what notebook authors read; it must say what the code does.
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "tests", "Notebooks.Tests", "README.md"));
        var header = Array.FindIndex(lines, line => line.StartsWith("| printed | becomes |", StringComparison.Ordinal));
        Assert.True(header >= 0, "tests/Notebooks.Tests/README.md has no table starting with \"| printed | becomes |\".");
        var rows = lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Examples: Quoted(cells[1]), Becomes: Quoted(cells[2]).Single()))
            .ToList();

        Assert.Equal(
            OutputScrubber.Rules.Select(rule => $"{string.Join(", ", rule.Examples)} -> {rule.Becomes}"),
            rows.Select(row => $"{string.Join(", ", row.Examples)} -> {row.Becomes}"));
        foreach (var rule in OutputScrubber.Rules)
        {
            foreach (var example in rule.Examples)
            {
                Assert.Equal(rule.Becomes, OutputScrubber.Scrub(example));
            }
        }

        static string[] Quoted(string cell) =>
            [.. System.Text.RegularExpressions.Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value)];
    }

    [Fact]
    public void Annotations_sort_a_cells_lines_or_skip_its_output()
    {
        var notebook = new Notebook("/tmp/x.dib", "x.dib", Microsoft.DotNet.Interactive.Documents.CodeSubmission.Parse(
            "#!csharp\n// In [1]\n// snapshot: sort-lines\nx\n#!csharp\n// Benchmark\n// snapshot: skip-output\ny\n#!markdown\nText",
            NotebookFile.WellKnownKernels()));
        var result = new NotebookResult(notebook,
        [
            new CellResult(notebook.Cells[0], CellStatus.Passed, [CellOutput.Console(OutputKind.StandardOutput, "b on thread 4\na in 1.2 s\n")], [], [], TimeSpan.Zero),
            new CellResult(notebook.Cells[1], CellStatus.Passed, [CellOutput.Console(OutputKind.StandardOutput, "42 tasks/s\n")], [], [], TimeSpan.Zero),
            new CellResult(notebook.Cells[2], CellStatus.NotCode, [], [], [], TimeSpan.Zero),
        ]);

        Assert.Equal(
            "// In [1]\na in <duration>\nb on thread <id>\n\n// Benchmark\n(ran green; output not compared: snapshot: skip-output)\n",
            SnapshotText.Of(result));
    }
}
