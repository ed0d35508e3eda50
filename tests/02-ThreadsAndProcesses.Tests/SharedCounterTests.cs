namespace ThreadsAndProcesses.Tests;

// Kata 5: a counter shared by many threads (going further: a race on a shared counter).
// Wrong answers these tests reject (each one was run 30 times in a row and failed every time):
//   - a plain `_value++` on a field: increments are lost;
//   - `volatile` on the field, or Volatile.Read and Volatile.Write around `+ 1`: still read, add, write in three steps;
//   - `lock (new object())`: every caller locks a different object, so nothing is excluded.
public class SharedCounterTests
{
    private const int Threads = 4;

    // How long the threads hammer the counter together. Not evidence of anything by itself: it only
    // makes sure the threads overlap for long enough (many scheduler time slices) that a racy
    // counter loses increments every time, even on a busy two-core machine.
    private static readonly TimeSpan Contention = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task Counts_every_increment_from_many_threads()
    {
        var counter = new SharedCounter();
        // Touch the API on the test's thread first, so that an unfinished kata fails here with its message.
        _ = counter.Value;

        var stop = 0;
        var done = new long[Threads];   // each thread counts its own increments in its own slot
        using var start = new Barrier(Threads + 1);
        var threads = Enumerable.Range(0, Threads).Select(n => new Thread(() =>
        {
            long mine = 0;
            start.SignalAndWait();
            while (Volatile.Read(ref stop) == 0)
            {
                counter.Increment();
                mine++;
            }
            done[n] = mine;
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());

        start.SignalAndWait();           // all threads are running: let them race for a while
        await Task.Delay(Contention);
        Volatile.Write(ref stop, 1);
        await Within.Run(() => threads.All(t => t.Join(TimeSpan.FromSeconds(20))), "The counting threads did not stop.", TimeSpan.FromSeconds(30));

        var expected = done.Sum();
        var counted = counter.Value;
        Assert.True(counted == expected,
            $"{Threads} threads called Increment {expected:N0} times in all, but the counter says {counted:N0}: " +
            $"{expected - counted:N0} increments were lost. `_value++` reads, adds and writes in three steps, and two " +
            "threads can read the same old value. Use Interlocked.Increment or a lock.");
        Snapshot.Match($"{Threads} threads, every increment counted: {counted == expected}");
    }

    [Fact]
    public void Starts_at_zero_and_counts_one_by_one()
    {
        var counter = new SharedCounter();
        Assert.Equal(0, counter.Value);

        counter.Increment();
        counter.Increment();

        Assert.Equal(2, counter.Value);
    }
}
