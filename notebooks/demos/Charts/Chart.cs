namespace Charts;

/// <summary>
/// A drawn chart: its SVG, and a one-line description of what it shows (its kind, lanes and bars) that does not
/// change from run to run, so that notebook snapshots can check that the chart was drawn without its geometry.
/// </summary>
[TypeFormatterSource(typeof(ChartFormatters), PreferredMimeTypes = [SvgMimeType, "text/plain"])]
public sealed record Chart(string Kind, string Title, string Svg, string Description)
{
    public const string SvgMimeType = "image/svg+xml";

    public override string ToString() => $"[{Kind} chart \"{Title}\": {Description}]";

    internal static string Count(int n, string what) => $"{n} {what}{(n == 1 ? "" : "s")}";
}
