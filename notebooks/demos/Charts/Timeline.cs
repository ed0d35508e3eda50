using System.Collections.Concurrent;

namespace Charts;

/// <summary>One task on a timeline: where it ran (its lane: a thread, a process, a worker) and when.</summary>
public sealed record TimelineEntry(string Lane, string Label, TimeSpan Start, TimeSpan End);

/// <summary>
/// Records which task ran where, and when, so that a chart can show it. Safe to use from many threads at once.
/// <code>
/// var timeline = new Timeline();
/// Parallel.For(0, 8, i => { using (timeline.Run($"task {i}")) { Work(i); } });
/// display(TimelineChart.Draw(timeline, "Parallel.For on 8 tasks"));
/// </code>
/// </summary>
public sealed class Timeline(TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentQueue<TimelineEntry> _entries = new();
    private readonly long _origin = (time ?? TimeProvider.System).GetTimestamp();

    /// <summary>Time since the timeline was made.</summary>
    public TimeSpan Now => _time.GetElapsedTime(_origin);

    /// <summary>
    /// Starts a task now and ends it when the result is disposed. Without a lane, the task's lane is the thread it
    /// started on ("thread 7"), which is what a picture of threads wants.
    /// </summary>
    public IDisposable Run(string label, string? lane = null) =>
        new Running(this, lane ?? $"thread {Environment.CurrentManagedThreadId}", label, Now);

    /// <summary>Adds a task measured elsewhere, for example by a child process or a worker that reported its times.</summary>
    public void Add(string lane, string label, TimeSpan start, TimeSpan end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        _entries.Enqueue(new TimelineEntry(lane, label, start, end));
    }

    /// <summary>Every task recorded so far, in the order they started.</summary>
    public IReadOnlyList<TimelineEntry> Entries => [.. _entries.OrderBy(e => e.Start).ThenBy(e => e.Lane, StringComparer.Ordinal)];

    /// <summary>The lanes, in the order their first task started.</summary>
    public IReadOnlyList<string> Lanes => [.. Entries.Select(e => e.Lane).Distinct()];

    private sealed class Running(Timeline timeline, string lane, string label, TimeSpan start) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                timeline.Add(lane, label, start, timeline.Now);
            }
        }
    }
}
