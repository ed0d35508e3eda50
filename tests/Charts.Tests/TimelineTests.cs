using Microsoft.Extensions.Time.Testing;

namespace Charts.Tests;

public class TimelineTests
{
    [Fact]
    public void Records_each_task_with_its_lane_start_and_end_on_the_given_clock()
    {
        var clock = new FakeTimeProvider();
        var timeline = new Timeline(clock);

        using (timeline.Run("first", lane: "worker 1"))
        {
            clock.Advance(TimeSpan.FromMilliseconds(30));
        }
        clock.Advance(TimeSpan.FromMilliseconds(10));
        timeline.Add("worker 2", "second", TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(25));

        Assert.Equal(
            [new TimelineEntry("worker 1", "first", TimeSpan.Zero, TimeSpan.FromMilliseconds(30)),
             new TimelineEntry("worker 2", "second", TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(25))],
            timeline.Entries);
        Assert.Equal(["worker 1", "worker 2"], timeline.Lanes);
    }

    [Fact]
    public void Without_a_lane_a_task_is_placed_on_the_thread_it_started_on()
    {
        var timeline = new Timeline();
        var thread = new Thread(() => { using (timeline.Run("on a thread")) { } });
        thread.Start();
        thread.Join();

        Assert.Equal($"thread {thread.ManagedThreadId}", Assert.Single(timeline.Entries).Lane);
    }

    [Fact]
    public void Ending_a_task_twice_records_it_once()
    {
        var timeline = new Timeline(new FakeTimeProvider());
        var task = timeline.Run("once", lane: "a");
        task.Dispose();
        task.Dispose();

        Assert.Single(timeline.Entries);
    }

    [Fact]
    public void Many_threads_can_record_at_once()
    {
        var timeline = new Timeline();
        Parallel.For(0, 1000, i => { using (timeline.Run($"task {i}")) { } });

        Assert.Equal(1000, timeline.Entries.Count);
    }
}
