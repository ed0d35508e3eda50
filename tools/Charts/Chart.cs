namespace Charts;

/// <summary>
/// A drawn chart: its SVG, and a one-line description of what it shows (its kind, lanes and bars) that does not
/// change from run to run, so that notebook snapshots can check that the chart was drawn without its geometry.
/// </summary>
public sealed record Chart(string Kind, string Title, string Svg, string Description)
{
    public const string SvgMimeType = "image/svg+xml";

    /// <summary>Writes the SVG to <paramref name="path"/> (making its folder) and returns the path.</summary>
    public string Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Svg);
        return path;
    }

    public override string ToString() => $"[{Kind} chart \"{Title}\": {Description}]";
}
