using System.Text;
using System.Text.RegularExpressions;

namespace NotebookHost;

// Why this file: a notebook's outputs are its only record (a .dib stores none), so the tests hold them
// against a snapshot. Concurrency demos print things that change on every run: process ids, thread ids,
// timings, speed-ups. These rules turn them into placeholders, and two cell annotations handle what a
// rule cannot (an order that varies, a benchmark). tests/Notebooks.Tests/README.md lists them, and
// ScrubberTests holds that list to these.

public static class OutputScrubber
{
    /// <summary>A comment line in a cell: sort the cell's output lines before comparing (for output whose order varies).</summary>
    public const string SortLines = "// snapshot: sort-lines";

    /// <summary>A comment line in a cell: record only that the cell ran green (for benchmarks).</summary>
    public const string SkipOutput = "// snapshot: skip-output";

    /// <summary>One rule: what it matches, by example for the README, and what that becomes.</summary>
    /// <param name="Replacement">The regular expression's replacement, when it is not <paramref name="Becomes"/>.</param>
    public sealed record Rule(string[] Examples, string Becomes, string Pattern, string? Replacement = null)
    {
        internal Regex Regex { get; } = new(Pattern, RegexOptions.Compiled);
    }

    const string Number = @"\d[\d,]*(?:\.\d+)?";

    /// <summary>The rules, applied in this order.</summary>
    public static readonly Rule[] Rules =
    [
        new(["PID 1234", "pid 1234", "PID: 1234"], "PID <pid>", @"(?i)\bpid\b:?\s*\d+\b"),
        new(["thread 7", "thread #7", "thread id 7"], "thread <id>", @"(?i)\b(?<word>thread)\s*(?:#|id:?\s*)?\d+\b", "${word} <id>"),
        new(["12.3 ms", "1.50 s", "2 seconds", "850 us", "40 ns"], "<duration>",
            $@"\b{Number}\s?(?:ms|s|sec|secs|seconds?|milliseconds?|µs|us|microseconds?|ns|nanoseconds?)\b"),
        new(["123 tasks/s", "123/s"], "<rate>", $@"\b{Number}\s?(?:[A-Za-z]+\s?)?/s(?:ec)?\b"),
        new(["3.4x"], "<ratio>x", $@"\b{Number}x\b"),
    ];

    /// <summary>Replaces what varies between runs in a text.</summary>
    public static string Scrub(string text) =>
        Rules.Aggregate(text, (scrubbed, rule) => rule.Regex.Replace(scrubbed, rule.Replacement ?? rule.Becomes));

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

            text.Append(output.Text.Replace("\r\n", "\n")).Append(output.IsConsole ? "" : "\n");
        }
        return text.ToString();
    }

    /// <summary>The scrubbed lines of a cell's plain text, sorted when the cell asks for it, with no trailing empty lines.</summary>
    public static List<string> ScrubbedLines(Cell cell, IEnumerable<CellOutput> outputs)
    {
        var lines = Scrub(PlainText(outputs)).TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
        if (HasAnnotation(cell, SortLines))
        {
            lines.Sort(StringComparer.Ordinal);
        }

        return lines is [""] ? [] : lines;
    }

    public static bool HasAnnotation(Cell cell, string annotation) => cell.Lines.Any(l => l.Trim() == annotation);
}
