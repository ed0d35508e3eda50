using ScottPlot;

namespace Charts;

/// <summary>The colours and sizes every chart shares, so that the pictures of a lesson look alike.</summary>
internal static class Palette
{
    /// <summary>Colour-blind-safe colours (Okabe and Ito), one per lane or bar.</summary>
    private static readonly Color[] Colours =
    [
        .. new[] { "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000" }.Select(Color.FromHex),
    ];

    public static readonly Color Limit = Color.FromHex("#D55E00");

    // Skia measures the text with a font installed here (DejaVu comes with fontconfig on Debian and Ubuntu).
    private const string Font = "DejaVu Sans";

    public static Color Colour(int index) => Colours[index % Colours.Length];

    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        return plot;
    }

    /// <summary>
    /// The plot as SVG, 720 pixels wide. A browser (GitHub, VS Code) may not have DejaVu, so the SVG also names
    /// common faces and the generic sans-serif family to fall back on, instead of the browser's default serif face.
    /// </summary>
    public static string ToSvg(Plot plot, int height) =>
        plot.GetSvgXml(720, height).Replace($"font-family=\"{Font}\"", $"font-family=\"{Font}, Verdana, Arial, sans-serif\"");
}
