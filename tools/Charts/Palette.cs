using ScottPlot;

namespace Charts;

/// <summary>The colours and sizes every chart shares, so that the pictures of a lesson look alike.</summary>
internal static class Palette
{
    public const int Width = 720;

    /// <summary>Colour-blind-safe colours (Okabe and Ito), one per label group.</summary>
    private static readonly Color[] Colours =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#E69F00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#56B4E9"), Color.FromHex("#D55E00"), Color.FromHex("#F0E442"), Color.FromHex("#000000"),
    ];

    public static Color Colour(int index) => Colours[index % Colours.Length];

    public static readonly Color Limit = Color.FromHex("#D55E00");

    // Skia measures the text with a font installed here (DejaVu comes with fontconfig on Debian and Ubuntu).
    private const string Font = "DejaVu Sans";

    public static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(Font);
        return plot;
    }

    /// <summary>
    /// The plot as SVG. A browser (GitHub, VS Code) may not have DejaVu, so the SVG also names common faces and
    /// the generic sans-serif family to fall back on, instead of the browser's default serif face.
    /// </summary>
    public static string ToSvg(Plot plot, int height) =>
        plot.GetSvgXml(Width, height).Replace($"font-family=\"{Font}\"", $"font-family=\"{Font}, Verdana, Arial, sans-serif\"");
}
