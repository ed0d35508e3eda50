using Microsoft.Extensions.Time.Testing;

namespace Charts.Tests;

public class ChartTests
{
    private static Timeline ThreeLanesFiveTasks()
    {
        var timeline = new Timeline(new FakeTimeProvider());
        static TimeSpan ms(int n) => TimeSpan.FromMilliseconds(n);
        timeline.Add("thread 4", "a", ms(0), ms(40));
        timeline.Add("thread 9", "b", ms(0), ms(35));
        timeline.Add("thread 4", "c", ms(40), ms(80));
        timeline.Add("thread 11", "d", ms(5), ms(60));
        timeline.Add("thread 9", "e", ms(35), ms(90));
        return timeline;
    }

    [Fact]
    public void A_timeline_chart_has_one_lane_per_thread_and_one_bar_per_task()
    {
        var chart = TimelineChart.Draw(ThreeLanesFiveTasks(), "five tasks on three threads");

        Assert.Equal("[timeline chart \"five tasks on three threads\": 3 lanes, 5 bars]", chart.ToString());
        var texts = SvgShapes.Texts(chart.Svg);
        Assert.Contains("five tasks on three threads", texts);
        Assert.Contains("thread 4", texts);
        Assert.Contains("thread 9", texts);
        Assert.Contains("thread 11", texts);
        // Each lane has its own colour: thread 4 and thread 9 ran two tasks each, thread 11 one.
        Assert.Equal(2, SvgShapes.FilledWith(chart.Svg, "#0072B2"));
        Assert.Equal(2, SvgShapes.FilledWith(chart.Svg, "#E69F00"));
        Assert.Equal(1, SvgShapes.FilledWith(chart.Svg, "#009E73"));
    }

    [Fact]
    public void A_speed_up_chart_compares_each_run_with_the_first_and_marks_the_cores()
    {
        var chart = BarChart.Speedup("CPU-bound work",
            [("sequential", TimeSpan.FromMilliseconds(1000)), ("threads", TimeSpan.FromMilliseconds(500)), ("processes", TimeSpan.FromMilliseconds(400))],
            cores: 2);

        Assert.Equal("[speed-up chart \"CPU-bound work\": 3 bars (sequential, threads, processes), a limit line at the core count]", chart.ToString());
        var texts = SvgShapes.Texts(chart.Svg);
        Assert.Contains("1.0", texts);
        Assert.Contains("2.0", texts);
        Assert.Contains("2.5", texts);
        Assert.Contains("2 cores: the limit", texts);
    }

    [Fact]
    public void A_bar_chart_shows_one_bar_per_setting()
    {
        var chart = BarChart.Values("throughput", [("4", 2300), ("16", 4300)], "tasks/s");

        Assert.Equal("[bar chart \"throughput\": 2 bars (4, 16)]", chart.ToString());
        Assert.Contains("2300", SvgShapes.Texts(chart.Svg));
    }

    [Fact]
    public void An_empty_timeline_still_draws()
    {
        var chart = TimelineChart.Draw(new Timeline(new FakeTimeProvider()), "nothing yet");

        Assert.Equal("[timeline chart \"nothing yet\": 0 lanes, 0 bars]", chart.ToString());
    }
}
