namespace ThreadsAndProcesses.Tests;

// Kata 5: a counter shared by many threads (going further: a race on a shared counter).
// Wrong answers these tests reject (tests/WrongAnswers/02-ThreadsAndProcesses/SharedCounter has them all):
//   - `_value++`, Volatile.Read and Volatile.Write around `+ 1`, a read then Interlocked.Exchange, a CompareExchange
//     tried once: read, add and write are still separate steps, and increments are lost;
//   - `lock (new object())` or a SpinLock in a readonly field: every caller locks its own copy, so nothing is excluded;
//   - a [ThreadStatic] count: each thread counts only its own increments.
// A race needs two threads running at the same moment. On a machine with more than one core these answers fail
// every time; when the whole test run is held to one core (taskset -c 0), a thread is rarely interrupted between
// the read and the write, and a racy `++` can pass. A systematic scheduler (Coyote) is the way to catch it there.
public class SharedCounterTests
{
    private const int Threads = 8;
    private const int Rounds = 4;

    // How long each round lets the threads hammer the counter together. Time is not evidence of
    // anything here: it only makes the threads overlap for many scheduler time slices, so that a racy
    // counter loses increments even on a busy two-core machine (eight threads give more chances that
    // two of them run on two cores at the same moment). A correct counter goes through all the rounds
    // (about a second); a racy one fails at the first round that loses an increment. The verdict on any machine
    // comes from SharedCounterSystematicTests; these rounds show the race happen for real.
    private static readonly TimeSpan RoundLength = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Counts_every_increment_from_many_threads()
    {
        var counter = new SharedCounter();
        // Touch the API on the test's thread first, so that an unfinished kata fails here with its message.
        _ = counter.Value;

        long calls = 0;
        for (var round = 1; round <= Rounds; round++)
        {
            calls += await HammerAsync(counter);
            var counted = counter.Value;
            Assert.True(counted == calls,
                $"{Threads} threads called Increment {calls:N0} times in all, but the counter says {counted:N0}: " +
                $"{calls - counted:N0} increments were lost. `_value++` reads, adds and writes in three steps, and two " +
                "threads can read the same old value. Use Interlocked.Increment or a lock on one shared object.");
        }
        Snapshot.Match($"{Threads} threads, {Rounds} rounds, every increment counted: {counter.Value == calls}");
    }

    // Starts the threads together, lets them increment as fast as they can for one round, stops
    // them, and returns how many times they called Increment (each thread counts its own calls).
    private static async Task<long> HammerAsync(SharedCounter counter)
    {
        var stop = 0;
        var done = new long[Threads];
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
        })
        { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());

        start.SignalAndWait();
        await Task.Delay(RoundLength);
        Volatile.Write(ref stop, 1);
        await Within.Run(() => threads.All(t => t.Join(TimeSpan.FromSeconds(20))), "The counting threads did not stop.", TimeSpan.FromSeconds(30));
        return done.Sum();
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
