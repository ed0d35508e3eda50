using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace NotebookHost;

// Why this file: .NET Interactive's Documents library reads and writes both notebook formats, so the
// repository has no parser of its own. It is told every kernel VS Code knows: CodeSubmission.Parse would
// otherwise know only those in the file's #!meta line, and fold a cell for any other (a #!mermaid diagram)
// into the cell before it, where tests/Notebooks.Tests/StructureTests could not see it.

/// <summary>One cell of a notebook, numbered from 1 in file order.</summary>
public sealed record Cell(int Number, string Kernel, string Text)
{
    public bool IsCSharp => Kernel == NotebookFile.CSharp;

    public string[] Lines => Text.Split('\n');

    /// <summary>The first line names the cell (<c>// In [6]</c>); messages and snapshots use it.</summary>
    public string FirstLine => Lines[0];
}

/// <summary>A notebook read from a .dib or .ipynb file.</summary>
public sealed record Notebook(string Path, string DisplayPath, InteractiveDocument Document)
{
    public IReadOnlyList<Cell> Cells { get; } =
        [.. Document.Elements.Select((e, i) => new Cell(i + 1, e.KernelName ?? NotebookFile.CSharp, NotebookFile.SourceOf(e)))];

    public IEnumerable<Cell> CSharpCells => Cells.Where(c => c.IsCSharp);
}

public static class NotebookFile
{
    public const string CSharp = "csharp";
    public const string Mermaid = "mermaid";

    /// <summary>The first line a mermaid cell needs in an .ipynb: Jupyter sends only a cell's source to the kernel.</summary>
    public const string MermaidMagic = "#!mermaid";

    /// <summary>The kernels of VS Code's Polyglot Notebooks (a fresh collection: parsing adds the file's own).</summary>
    public static KernelInfoCollection WellKnownKernels() => new()
    {
        new KernelInfo(CSharp, "C#", ["c#", "cs"]), new KernelInfo("fsharp", "F#", ["f#", "fs"]),
        new KernelInfo("pwsh", "PowerShell", ["powershell"]), new KernelInfo("javascript", "JavaScript", ["js"]),
        new KernelInfo("html", "HTML", []), new KernelInfo("http", "HTTP", []), new KernelInfo(Mermaid, "Mermaid", []),
        new KernelInfo("value", "Value", []), new KernelInfo("markdown", "Markdown", ["md"]),
    };

    /// <summary>Reads a .dib or an .ipynb.</summary>
    /// <exception cref="NotebookFormatException">the file is missing or not a notebook (the message names it).</exception>
    public static Notebook Read(string path, string? displayPath = null)
    {
        displayPath ??= path;
        if (!File.Exists(path))
        {
            throw new NotebookFormatException($"{displayPath}: no such file.");
        }

        var text = File.ReadAllText(path);
        try
        {
            var document = path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase)
                ? Microsoft.DotNet.Interactive.Documents.Jupyter.Notebook.Parse(text, WellKnownKernels())
                : CodeSubmission.Parse(text, WellKnownKernels());
            return new Notebook(Path.GetFullPath(path), displayPath, document);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new NotebookFormatException($"{displayPath}: not a notebook this tool can read ({e.Message}).");
        }
    }

    /// <summary>A cell's source without the <c>#!mermaid</c> line that an .ipynb needs, so that the two formats compare equal.</summary>
    internal static string SourceOf(InteractiveDocumentElement element)
    {
        var text = (element.Contents ?? "").Replace("\r\n", "\n");
        return element.KernelName == Mermaid && text.StartsWith(MermaidMagic, StringComparison.Ordinal)
            ? text[MermaidMagic.Length..].TrimStart('\n')
            : text;
    }
}

/// <summary>A file that is missing or not a notebook: the message names it, for a one-line error.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);
