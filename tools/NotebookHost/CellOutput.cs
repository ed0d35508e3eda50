namespace NotebookHost;

// Why this file: a cell's outputs are kept as the kernel sends them, every MIME type of each one, so
// that a display the kernel renders as HTML or SVG (a chart) survives into the .ipynb. Snapshots and the
// terminal read the text/plain of each.

public enum OutputKind { StandardOutput, StandardError, Display, ReturnValue }

/// <summary>One output of a cell: console text (consecutive pieces of one stream joined), a displayed value or the cell's value.</summary>
/// <param name="Data">MIME type to formatted text (for console text, only text/plain).</param>
public sealed record CellOutput(OutputKind Kind, IReadOnlyDictionary<string, string> Data)
{
    public const string PlainText = "text/plain";

    public string Text => Data.TryGetValue(PlainText, out var text) ? text : "";

    public bool IsConsole => Kind is OutputKind.StandardOutput or OutputKind.StandardError;

    public static CellOutput Console(OutputKind kind, string text) => new(kind, new Dictionary<string, string> { [PlainText] = text });
}
