namespace ThreadsAndProcesses.Tests;

// Kata 5: a counter shared by many threads (going further: a race on a shared counter).
// Wrong answers these tests reject (each one tried 30 times in a row; it failed every time):
//   - a plain `_value++` on a field: increments are lost;
//   - `volatile` on the field, or Volatile.Read and Volatile.Write around `+ 1`: still read-add-write in three steps;
//   - `lock (new object())`: every caller locks a different object, so nothing is excluded.
public class SharedCounterTests
{
    private const int Threads = 4;
    private const int IncrementsPerThread = 1_000_000;

    [Fact]
    public async Task Counts_every_increment_from_many_threads()
    {
        var counter = new SharedCounter();
        // Touch the API on the test's thread first, so that an unfinished kata fails here with its message.
        _ = counter.Value;

        // All threads wait at the barrier and then hammer the counter at the same moment.
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < IncrementsPerThread; i++)
            {
                counter.Increment();
            }
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        await Within.Run(() => threads.All(t => t.Join(TimeSpan.FromSeconds(60))), "The counting threads did not finish.", TimeSpan.FromSeconds(90));

        const long expected = (long)Threads * IncrementsPerThread;
        Assert.True(counter.Value == expected,
            $"{Threads} threads added {IncrementsPerThread:N0} each, so the count should be {expected:N0}, but it is " +
            $"{counter.Value:N0}: {expected - counter.Value:N0} increments were lost. `_value++` reads, adds and writes in " +
            "three steps, and two threads can read the same old value. Use Interlocked.Increment or a lock.");
        Snapshot.Match(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Threads} threads x {IncrementsPerThread:N0} increments = {counter.Value:N0}"));
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
