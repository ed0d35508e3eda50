using System.Text.Json;

namespace NotebookEngine;

// Why this file: a .dib file is plain text, and the only way to find its cells is to split it the way
// the VS Code extension does (dotnet/interactive, CodeSubmission.cs). Doing the same here means a
// notebook that looks right in VS Code runs the same cells here, and one that merges two cells by
// accident (a separator with a trailing space) merges them here too.

/// <summary>The kind of a cell, from its separator line.</summary>
public enum CellKind { Code, Markdown, Mermaid, Other }

/// <summary>One cell of a notebook.</summary>
/// <param name="Number">1-based position among all cells of the file, as a reader counts them in VS Code.</param>
/// <param name="Kernel">The kernel name of the separator (csharp, markdown, mermaid, ...).</param>
/// <param name="Text">The cell's text, leading and trailing empty lines removed.</param>
/// <param name="FileLine">The 1-based line of the file where the cell's text starts.</param>
public sealed record Cell(int Number, CellKind Kind, string Kernel, string Text, int FileLine)
{
    /// <summary>The first line, which names a code cell (<c>// In [6]</c>).</summary>
    public string FirstLine => Text.Split('\n', 2)[0].TrimEnd('\r');

    public string[] Lines => Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
}

/// <summary>A parsed notebook.</summary>
/// <param name="Path">The full path of the file.</param>
/// <param name="DisplayPath">The path to show in messages (relative to the repository when possible).</param>
/// <param name="Meta">The JSON of the <c>#!meta</c> block, or null when the file has none.</param>
public sealed record Notebook(string Path, string DisplayPath, JsonDocument? Meta, IReadOnlyList<Cell> Cells)
{
    public IEnumerable<Cell> CodeCells => Cells.Where(c => c.Kind == CellKind.Code);
}

/// <summary>A file that cannot be read as a notebook; the message names the file and the line.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);

public static class DibParser
{
    // The separators VS Code knows (kernel names and aliases). Only an exact match starts a cell.
    static readonly Dictionary<string, (CellKind Kind, string Kernel)> Separators = new(StringComparer.Ordinal)
    {
        ["csharp"] = (CellKind.Code, "csharp"), ["c#"] = (CellKind.Code, "csharp"), ["cs"] = (CellKind.Code, "csharp"),
        ["markdown"] = (CellKind.Markdown, "markdown"), ["md"] = (CellKind.Markdown, "markdown"),
        ["mermaid"] = (CellKind.Mermaid, "mermaid"),
        ["fsharp"] = (CellKind.Other, "fsharp"), ["f#"] = (CellKind.Other, "fsharp"), ["fs"] = (CellKind.Other, "fsharp"),
        ["pwsh"] = (CellKind.Other, "pwsh"), ["powershell"] = (CellKind.Other, "pwsh"),
        ["javascript"] = (CellKind.Other, "javascript"), ["js"] = (CellKind.Other, "javascript"),
        ["html"] = (CellKind.Other, "html"), ["http"] = (CellKind.Other, "http"), ["value"] = (CellKind.Other, "value"),
    };

    public static Notebook ParseFile(string path, string? displayPath = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        return Parse(File.ReadAllText(full), full, displayPath ?? path.Replace('\\', '/'));
    }

    public static Notebook Parse(string text, string path, string displayPath)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var cells = new List<Cell>();
        JsonDocument? meta = null;
        var first = 0;
        if (lines.Length > 0 && lines[0].StartsWith("#!meta", StringComparison.Ordinal))
        {
            // The JSON runs up to the next #! line.
            first = 1;
            while (first < lines.Length && !lines[first].StartsWith("#!", StringComparison.Ordinal)) first++;
            var json = string.Join('\n', lines[1..first]);
            try
            {
                meta = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                var line = 2 + (int)(e.LineNumber ?? 0);
                throw new NotebookFormatException(
                    $"{displayPath}, line {line}: the #!meta header is not valid JSON ({FirstSentence(e.Message)}). " +
                    "The second line of a .dib file must hold the kernel info, e.g. {\"kernelInfo\":{\"defaultKernelName\":\"csharp\",...}}.");
            }
        }

        // Text before the first separator belongs to the default kernel (C#), and is a cell only when it holds something.
        var (kind, kernel) = (CellKind.Code, "csharp");
        var bodyStart = first;
        var implicitCell = true;

        void Close(int end)
        {
            var (from, to) = (bodyStart, end);
            while (from < to && lines[from].Length == 0) from++;
            while (to > from && lines[to - 1].Length == 0) to--;
            if (implicitCell && from == to) return;
            cells.Add(new Cell(cells.Count + 1, kind, kernel, string.Join('\n', lines[from..to]), from + 1));
        }

        for (var i = first; i < lines.Length; i++)
        {
            if (!IsSeparator(lines[i], out var next)) continue;
            Close(i);
            (kind, kernel) = next;
            bodyStart = i + 1;
            implicitCell = false;
        }
        Close(lines.Length);

        return new Notebook(path, displayPath, meta, cells);
    }

    static bool IsSeparator(string line, out (CellKind, string) cell)
    {
        cell = default;
        return line.StartsWith("#!", StringComparison.Ordinal) && Separators.TryGetValue(line[2..], out cell);
    }

    static string FirstSentence(string message) => message.Split(". ", 2)[0].TrimEnd('.');
}
