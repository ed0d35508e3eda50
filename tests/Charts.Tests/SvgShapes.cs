using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Charts.Tests;

/// <summary>Reads what a chart's SVG shows, so that tests can count its bars and read its labels.</summary>
internal static class SvgShapes
{
    public static XDocument Parse(string svg) => XDocument.Parse(svg);

    /// <summary>The texts drawn on the chart (titles, tick labels, value labels).</summary>
    public static List<string> Texts(string svg) =>
        Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).Where(t => t.Length > 0).ToList();

    /// <summary>Filled shapes in the given colour (bars are drawn as filled paths or rectangles).</summary>
    public static int FilledWith(string svg, string hexColour) =>
        Regex.Matches(svg, $@"fill=""{Regex.Escape(hexColour)}""", RegexOptions.IgnoreCase).Count;
}
