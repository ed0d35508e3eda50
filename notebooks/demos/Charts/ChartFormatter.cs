namespace Charts;

// Why this file: in a notebook a chart displays as its SVG picture, and where no picture can be shown (a terminal,
// a snapshot) as its one-line description. .NET Interactive finds these formatters by the attribute's name and
// the members' shapes, so this library needs no reference to the kernel's own.

[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;

    public string[] PreferredMimeTypes { get; set; } = [];
}

internal sealed class ChartFormatters
{
    public IEnumerable<object> CreateTypeFormatters() =>
        [new ChartFormatter(Chart.SvgMimeType, chart => chart.Svg), new ChartFormatter("text/plain", chart => chart.ToString())];
}

internal sealed class ChartFormatter(string mimeType, Func<Chart, string> format)
{
    public string MimeType => mimeType;

    public bool Format(object instance, TextWriter writer)
    {
        writer.Write(format((Chart)instance));
        return true;
    }
}
