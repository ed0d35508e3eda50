using ScottPlot;

namespace Charts;

/// <summary>
/// Bar charts of measurements: how much faster each way of running a job is (<see cref="Speedup"/>, with the
/// number of cores marked as the limit), or any measured value per setting (<see cref="Values"/>, e.g. tasks per
/// second against worker concurrency).
/// </summary>
public static class BarChart
{
    /// <summary>
    /// One bar per run: how many times faster than the first run (the baseline) it was. The dashed line is the
    /// number of cores: on CPU-bound work, no way of running can go faster than that.
    /// </summary>
    public static Chart Speedup(string title, IReadOnlyList<(string Label, TimeSpan Time)> runs, int cores)
    {
        ArgumentOutOfRangeException.ThrowIfZero(runs.Count);
        var baseline = runs[0].Time.TotalMilliseconds;
        var speedups = runs.Select(run => baseline / Math.Max(run.Time.TotalMilliseconds, 1e-6)).ToList();

        var plot = Bars(title, runs.Select(r => r.Label).ToList(), speedups, "times faster than " + runs[0].Label);
        var limit = plot.Add.HorizontalLine(cores);
        limit.LineColor = Palette.Limit;
        limit.LinePattern = LinePattern.Dashed;
        limit.LineWidth = 2;
        var top = Math.Max(cores, speedups.Max()) * 1.15;
        var label = plot.Add.Text($"{cores} cores: the limit", runs.Count - 1 + 0.3, cores + top * 0.015);
        label.LabelFontColor = Palette.Limit;
        label.LabelFontSize = 14;
        label.LabelAlignment = Alignment.LowerRight;
        plot.Axes.SetLimitsY(0, top);

        return new Chart("speed-up", title, Palette.ToSvg(plot, 360),
            $"{Chart.Count(runs.Count, "bar")} ({string.Join(", ", runs.Select(r => r.Label))}), a limit line at the core count");
    }

    /// <summary>One bar per setting, for a measured value in <paramref name="unit"/>.</summary>
    public static Chart Values(string title, IReadOnlyList<(string Label, double Value)> values, string unit)
    {
        var plot = Bars(title, values.Select(v => v.Label).ToList(), values.Select(v => v.Value).ToList(), unit);
        plot.Axes.SetLimitsY(0, Math.Max(values.Select(v => v.Value).DefaultIfEmpty(1).Max(), 1e-6) * 1.15);
        return new Chart("bar", title, Palette.ToSvg(plot, 360),
            $"{Chart.Count(values.Count, "bar")} ({string.Join(", ", values.Select(v => v.Label))})");
    }

    private static Plot Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string valueLabel)
    {
        var plot = Palette.NewPlot();
        var bars = values.Select((value, i) => new Bar
        {
            Position = i,
            Value = value,
            FillColor = Palette.Colour(i),
            Label = value >= 100 ? $"{value:0}" : $"{value:0.0}",
            Size = 0.6,
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.ValueLabelStyle.FontSize = 14;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.YLabel(valueLabel);
        plot.Title(title);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}
