namespace NotebookHost;

// Why this file: a terminal cannot show a picture, so the terminal runner writes each image/svg+xml output
// (a chart) to a file that a browser or an image viewer opens, and prints its path. Snapshots keep only the
// chart's text/plain (its description), and the .ipynb keeps the SVG itself; neither needs these files.

public static class SvgFiles
{
    public const string MimeType = "image/svg+xml";

    /// <summary>The folder a notebook's charts go to: artifacts/charts/&lt;notebook name&gt;/ under the repository.</summary>
    public static string FolderFor(string repositoryRoot, string notebookPath) =>
        Path.Combine(repositoryRoot, "artifacts", "charts", Path.GetFileNameWithoutExtension(notebookPath));

    /// <summary>Writes each SVG output of a cell to <paramref name="folder"/> as cell-N.svg (then cell-N-2.svg, ...), and returns the paths.</summary>
    public static IReadOnlyList<string> Write(CellResult cell, string folder)
    {
        var paths = new List<string>();
        foreach (var svg in cell.Outputs.Where(o => !o.IsConsole && o.Data.ContainsKey(MimeType)).Select(o => o.Data[MimeType]))
        {
            Directory.CreateDirectory(folder);
            paths.Add(Path.Combine(folder, paths.Count == 0 ? $"cell-{cell.Cell.Number}.svg" : $"cell-{cell.Cell.Number}-{paths.Count + 1}.svg"));
            File.WriteAllText(paths[^1], svg);
        }
        return paths;
    }
}
