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

    /// <summary>
    /// Writes every SVG output of a cell to <paramref name="folder"/>, as cell-&lt;N&gt;.svg (cell-&lt;N&gt;-2.svg, ...
    /// for a cell that draws more than one), and returns the paths written, in order.
    /// </summary>
    public static IReadOnlyList<string> Write(CellResult cell, string folder)
    {
        var svgs = cell.Outputs.Where(o => !o.IsConsole && o.Data.ContainsKey(MimeType)).Select(o => o.Data[MimeType]).ToList();
        if (svgs.Count == 0)
        {
            return [];
        }

        Directory.CreateDirectory(folder);
        var paths = new List<string>();
        for (var i = 0; i < svgs.Count; i++)
        {
            var path = Path.Combine(folder, i == 0 ? $"cell-{cell.Cell.Number}.svg" : $"cell-{cell.Cell.Number}-{i + 1}.svg");
            File.WriteAllText(path, svgs[i]);
            paths.Add(path);
        }
        return paths;
    }
}
