using System.Text;
using System.Text.RegularExpressions;

namespace NotebookHost;

// Why this file: a notebook's outputs are its only record (a .dib stores none), so the tests hold them
// against a snapshot. Concurrency demos print things that change on every run: process ids, thread ids,
// timings, speed-ups. These rules turn them into placeholders, and two cell annotations handle what a
// rule cannot (an order that varies, a benchmark). All the rules live here, in one place, so that a
// notebook author can read what the snapshot will ignore. The CLI's --help and the tests' README list them from Rules.

public static partial class OutputScrubber
{
    /// <summary>A comment line in a cell: sort the cell's output lines before comparing (for output whose order varies).</summary>
    public const string SortLines = "// snapshot: sort-lines";

    /// <summary>A comment line in a cell: record only that the cell ran green (for benchmarks).</summary>
    public const string SkipOutput = "// snapshot: skip-output";

    /// <summary>One rule as a notebook author reads it: what it matches, by example, and what that becomes.</summary>
    public sealed record Rule(string[] Examples, string Becomes);

    /// <summary>
    /// The rules, for the help text and the tests' README (tests/Notebooks.Tests/ScrubberTests.cs holds the README's
    /// table to this list, and every example to what <see cref="Scrub"/> makes of it).
    /// </summary>
    public static readonly Rule[] Rules =
    [
        new(["PID 1234", "pid 1234", "PID: 1234"], "PID <pid>"),
        new(["thread 7", "thread #7", "thread id 7"], "thread <id>"),
        new(["12.3 ms", "1.50 s", "2 seconds", "850 us", "40 ns"], "<duration>"),
        new(["123 tasks/s", "123/s"], "<rate>"),
        new(["3.4x"], "<ratio>x"),
    ];

    /// <summary>The rules, one line each, for help texts.</summary>
    public static IEnumerable<string> RuleDescriptions =>
        Rules.Select(rule => $"{string.Join(", ", rule.Examples),-42}-> {rule.Becomes}");

    const string Number = @"\d[\d,]*(?:\.\d+)?";

    [GeneratedRegex(@"\b" + Number + @"\s?(?:[A-Za-z]+\s?)?/s(?:ec)?\b")]
    private static partial Regex Rate();

    [GeneratedRegex(@"\b" + Number + @"\s?(?:ms|s|sec|secs|seconds?|milliseconds?|µs|us|microseconds?|ns|nanoseconds?)\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\b" + Number + @"x\b")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"\b(?<word>pid)\b:?\s*\d+\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProcessId();

    [GeneratedRegex(@"\b(?<word>thread)\s*(?:#|id:?\s*)?\d+\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThreadId();

    /// <summary>Replaces what varies between runs in a text.</summary>
    public static string Scrub(string text)
    {
        text = Rate().Replace(text, "<rate>");
        text = Duration().Replace(text, "<duration>");
        text = Ratio().Replace(text, "<ratio>x");
        text = ProcessId().Replace(text, "PID <pid>");
        text = ThreadId().Replace(text, m => $"{m.Groups["word"].Value} <id>");
        return text;
    }

    /// <summary>
    /// The snapshot text of a run: each C# cell's first line, then the text/plain of its outputs,
    /// scrubbed, cells apart by an empty line. Markdown cells are left out: they are the source, not output.
    /// </summary>
    public static string SnapshotText(NotebookResult result) =>
        SnapshotText(result.CodeCells.Select(c => (c.Cell, c.Status, (IReadOnlyList<CellOutput>)c.Outputs)));

    /// <summary>The same text, from the outputs stored in an .ipynb (which are already scrubbed).</summary>
    public static string SnapshotText(Notebook ipynb) =>
        SnapshotText(ipynb.CSharpCells.Select(c => (c, CellStatus.Passed, Ipynb.OutputsOf(ipynb.Document.Elements[c.Number - 1]))));

    static string SnapshotText(IEnumerable<(Cell Cell, CellStatus Status, IReadOnlyList<CellOutput> Outputs)> cells)
    {
        var text = new StringBuilder();
        foreach (var (cell, status, outputs) in cells)
        {
            text.Append(cell.FirstLine.TrimEnd()).Append('\n');
            if (status != CellStatus.Passed)
            {
                text.Append($"({status.ToString().ToLowerInvariant()})\n");
            }
            else if (HasAnnotation(cell, SkipOutput))
            {
                text.Append("(ran green; output not compared: snapshot: skip-output)\n");
            }
            else
            {
                foreach (var line in ScrubbedLines(cell, outputs))
                {
                    text.Append(line).Append('\n');
                }
            }

            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>A cell's outputs as one text: console text as written, each value on lines of its own.</summary>
    public static string PlainText(IEnumerable<CellOutput> outputs)
    {
        var text = new StringBuilder();
        foreach (var output in outputs)
        {
            if (!output.IsConsole && text.Length > 0 && text[^1] != '\n')
            {
                text.Append('\n');
            }

            text.Append(output.Text.Replace("\r\n", "\n"));
            if (!output.IsConsole)
            {
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>The scrubbed lines of a cell's plain text, sorted when the cell asks for it, with no trailing empty lines.</summary>
    public static List<string> ScrubbedLines(Cell cell, IEnumerable<CellOutput> outputs)
    {
        var lines = Scrub(PlainText(outputs)).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (HasAnnotation(cell, SortLines))
        {
            lines.Sort(StringComparer.Ordinal);
        }

        return lines;
    }

    public static bool HasAnnotation(Cell cell, string annotation) =>
        cell.Lines.Any(l => l.Trim() == annotation);
}
