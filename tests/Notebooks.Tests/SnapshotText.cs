using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using NotebookHost;

namespace Notebooks.Tests;

// What a snapshot holds (README.md, "What the snapshot holds"): each C# cell's first line, then the
// text/plain of its outputs, scrubbed, cells apart by an empty line. Markdown cells are left out: they are
// the source, not output. It is made from a run, or from the outputs an .ipynb stores (already scrubbed).
static class SnapshotText
{
    public static string Of(NotebookResult result) =>
        Of(result.CodeCells.Select(c => (c.Cell, c.Status, c.Outputs)));

    public static string Of(Notebook ipynb) =>
        Of(ipynb.CSharpCells.Select(c => (c, CellStatus.Passed, OutputsOf(ipynb.Document.Elements[c.Number - 1]))));

    static string Of(IEnumerable<(Cell Cell, CellStatus Status, IReadOnlyList<CellOutput> Outputs)> cells)
    {
        var text = new StringBuilder();
        foreach (var (cell, status, outputs) in cells)
        {
            text.Append(cell.FirstLine.TrimEnd()).Append('\n');
            IEnumerable<string> lines = status != CellStatus.Passed ? [$"({status.ToString().ToLowerInvariant()})"]
                : OutputScrubber.HasAnnotation(cell, OutputScrubber.SkipOutput) ? ["(ran green; output not compared: snapshot: skip-output)"]
                : OutputScrubber.ScrubbedLines(cell, outputs);
            text.AppendJoin("", lines.Select(line => line + "\n")).Append('\n');
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    // The outputs stored in one cell of an .ipynb, in the model the runner uses.
    static IReadOnlyList<CellOutput> OutputsOf(InteractiveDocumentElement element) =>
        [.. element.Outputs.Select(output => output switch
        {
            TextElement text => CellOutput.Console(text.Name == "stderr" ? OutputKind.StandardError : OutputKind.StandardOutput, text.Text),
            ReturnValueElement value => new CellOutput(OutputKind.ReturnValue, AsText(value.Data)),
            DisplayElement display => new CellOutput(OutputKind.Display, AsText(display.Data)),
            ErrorElement error => CellOutput.Console(OutputKind.StandardError, $"{error.ErrorName}: {error.ErrorValue}"),
            _ => CellOutput.Console(OutputKind.StandardError, $"(an output this tool does not read: {output.GetType().Name})"),
        })];

    // Jupyter stores text as a string or as a list of lines.
    static Dictionary<string, string> AsText(IDictionary<string, object> data) =>
        data.ToDictionary(d => d.Key, d => d.Value as string ?? string.Concat((IEnumerable<object>)d.Value));
}
