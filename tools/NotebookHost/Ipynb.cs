using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace NotebookHost;

// Why this file: GitHub, JupyterLab and VS Code's Jupyter extension open .ipynb files, not .dib, and an
// .ipynb also stores outputs, so a learner can read a lesson with its results before running anything.
// Each .ipynb is written from its .dib and a green run: the same cells in the same order, and the
// outputs scrubbed as the snapshots are, so that running the export again changes nothing.

public static class Ipynb
{
    /// <summary>The .ipynb text of a notebook and its green run (the only kind written), with kernelspec .net-csharp.</summary>
    public static string Export(NotebookResult run)
    {
        // A fresh copy of the document, so that the run's own notebook stays as it was read.
        var document = NotebookFile.Read(run.Notebook.Path, run.Notebook.DisplayPath).Document;
        var executionCount = 0;
        foreach (var (element, result) in document.Elements.Zip(run.Cells))
        {
            element.Id = $"cell-{result.Cell.Number}"; // nbformat 4.5 wants an id on every cell: stable ones keep the diff quiet
            if (element.KernelName == NotebookFile.Mermaid)
            {
                element.Contents = $"{NotebookFile.MermaidMagic}\n{result.Cell.Text}";
            }
            else if (result.Status == CellStatus.Passed)
            {
                element.ExecutionOrder = ++executionCount;
                element.Outputs.AddRange(OutputsFor(result, executionCount));
            }
        }
        return document.ToJupyterJson("C#").Replace("\r\n", "\n").TrimEnd() + "\n";
    }

    static IEnumerable<InteractiveDocumentOutputElement> OutputsFor(CellResult result, int executionCount)
    {
        if (OutputScrubber.HasAnnotation(result.Cell, OutputScrubber.SkipOutput))
        {
            return []; // output that varies from run to run (a benchmark, the broker found) is not stored
        }

        var outputs = result.Outputs;
        if (OutputScrubber.HasAnnotation(result.Cell, OutputScrubber.SortLines))
        {
            // Lines whose order varies are stored sorted, as the snapshot holds them. A picture (a chart) has no
            // lines to sort: it is stored after them as it came, so that GitHub still shows it.
            var lines = OutputScrubber.ScrubbedLines(result.Cell, outputs.Where(o => !IsPicture(o)));
            var pictures = outputs.Where(IsPicture);
            outputs = lines.Count == 0 ? [.. pictures] : [CellOutput.Console(OutputKind.StandardOutput, string.Join("\n", lines) + "\n"), .. pictures];
        }
        return outputs.Select(output => Element(output, executionCount));
    }

    static InteractiveDocumentOutputElement Element(CellOutput output, int executionCount)
    {
        var data = Scrubbed(output.Data);
        if (output.IsConsole)
        {
            return new TextElement((string)data[CellOutput.PlainText], output.Kind == OutputKind.StandardOutput ? "stdout" : "stderr");
        }
        if (output.Kind == OutputKind.Display)
        {
            return new DisplayElement(data);
        }

        var value = new ReturnValueElement { ExecutionOrder = executionCount };
        foreach (var (mime, text) in data)
        {
            value.Data[mime] = text;
        }

        return value;
    }

    // A displayed value with a MIME type that is not text, such as image/svg+xml.
    static bool IsPicture(CellOutput output) =>
        !output.IsConsole && output.Data.Keys.Any(mime => !mime.StartsWith("text/", StringComparison.Ordinal));

    // Text is scrubbed; other MIME types (an image/svg+xml chart) are stored as the kernel sent them.
    static Dictionary<string, object> Scrubbed(IReadOnlyDictionary<string, string> data) =>
        data.ToDictionary(d => d.Key, d => (object)(d.Key.StartsWith("text/", StringComparison.Ordinal)
            ? OutputScrubber.Scrub(d.Value.Replace("\r\n", "\n"))
            : d.Value));
}
