using System.Text;
using System.Text.RegularExpressions;

namespace NotebookEngine;

// Why this file: a notebook's outputs are its only record (a .dib stores none), so the tests hold them
// against a snapshot. Concurrency demos print things that change on every run: process ids, thread ids,
// timings, speed-ups. These rules turn them into placeholders, and two cell annotations handle what a
// rule cannot (an order that varies, a benchmark). All the rules live here, in one place, so that a
// notebook author can read what the snapshot will ignore. The CLI's --help and the tests' README list them.

public static partial class OutputScrubber
{
    /// <summary>A comment line in a cell: sort the cell's output lines before comparing (for output whose order varies).</summary>
    public const string SortLines = "// snapshot: sort-lines";

    /// <summary>A comment line in a cell: record only that the cell ran green (for benchmarks).</summary>
    public const string SkipOutput = "// snapshot: skip-output";

    /// <summary>The rules, for help texts: what is matched and what it becomes.</summary>
    public static readonly string[] RuleDescriptions =
    [
        "PID 1234, pid 1234, PID: 1234            -> PID <pid>",
        "thread 7, thread #7, thread id 7          -> thread <id>",
        "12.3 ms, 1.50 s, 2 seconds (also us, ns)  -> <duration>",
        "123 tasks/s, 123/s                        -> <rate>",
        "3.4x                                      -> <ratio>x",
    ];

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
    /// The snapshot text of a run: each code cell's first line, then its scrubbed output, cells apart by
    /// an empty line. Markdown cells are left out: they are the notebook's source, not its output.
    /// </summary>
    public static string SnapshotText(NotebookResult result)
    {
        var text = new StringBuilder();
        foreach (var cell in result.CodeCells)
        {
            text.Append(cell.Cell.FirstLine.TrimEnd()).Append('\n');
            var annotations = cell.Cell.Lines.Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
            if (cell.Status != CellStatus.Passed)
            {
                text.Append($"({cell.Status.ToString().ToLowerInvariant()})\n");
            }
            else if (annotations.Contains(SkipOutput))
            {
                text.Append("(ran green; output not compared: snapshot: skip-output)\n");
            }
            else
            {
                var lines = Scrub(cell.Output.Replace("\r\n", "\n")).Split('\n').Select(l => l.TrimEnd()).ToList();
                while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
                if (annotations.Contains(SortLines)) lines.Sort(StringComparer.Ordinal);
                foreach (var line in lines) text.Append(line).Append('\n');
            }
            text.Append('\n');
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }
}
