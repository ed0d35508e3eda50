using ScottPlot;

namespace Charts;

/// <summary>
/// Draws a <see cref="Timeline"/>: one lane per thread, process or worker (top to bottom, in the order they first ran),
/// one bar per task from its start to its end. Overlapping bars in different lanes are work done at the same time.
/// </summary>
public static class TimelineChart
{
    public static Chart Draw(Timeline timeline, string title, string unit = "ms")
    {
        var entries = timeline.Entries;
        var lanes = timeline.Lanes.ToList();
        var scale = unit == "s" ? 1000.0 : 1.0;
        // The chart starts when the first task starts, not when the timeline was made (which may be long before).
        var zero = entries.Count == 0 ? TimeSpan.Zero : entries[0].Start;
        double At(TimeSpan time) => (time - zero).TotalMilliseconds / scale;
        // A lane's position counts down, so that the first lane is drawn at the top.
        double Position(string lane) => lanes.Count - 1 - lanes.IndexOf(lane);

        var plot = Palette.NewPlot();
        plot.Add.Bars(entries.Select(entry => new Bar
        {
            Position = Position(entry.Lane),
            ValueBase = At(entry.Start),
            Value = At(entry.End),
            Orientation = Orientation.Horizontal,
            FillColor = Palette.Colour(lanes.IndexOf(entry.Lane)),
            LineColor = Colors.White,
            LineWidth = 1,
            Size = 0.7,
        }).ToList());
        plot.Axes.Left.SetTicks([.. lanes.Select(Position)], [.. lanes]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.02, bottom: 0.05, top: 0.05);
        plot.Axes.SetLimitsX(0, Math.Max(entries.Select(e => At(e.End)).DefaultIfEmpty(1).Max() * 1.02, 1e-3));
        plot.XLabel($"time since the first task started ({unit})");
        plot.Title(title);
        plot.Grid.YAxisStyle.IsVisible = false;

        return new Chart("timeline", title, Palette.ToSvg(plot, 90 + 34 * Math.Max(lanes.Count, 1)),
            $"{Chart.Count(lanes.Count, "lane")}, {Chart.Count(entries.Count, "bar")}");
    }
}
