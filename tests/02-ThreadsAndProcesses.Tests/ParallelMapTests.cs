using System.Collections.Concurrent;

namespace ThreadsAndProcesses.Tests;

// Kata 1: a parallel map that keeps input order (seed cell In [17]).
// Wrong answers these tests reject:
//   - a plain inputs.Select(work).ToArray(): one call at a time, the gate for two calls at once never opens;
//   - starting tasks but waiting for each one before starting the next: same, the gate never opens;
//   - collecting results as they finish (a ConcurrentBag, or a locked List.Add): the first input is held
//     until another has finished, which scrambles the completion order; the test compares the whole order
//     (item 0 itself may still land first, since adding to the list happens after the work returns). Tried
//     9 times with a locked List.Add: rejected every time.
// Not caught: AsParallel() without AsOrdered(). With an array, PLINQ splits the input into one range
// per thread and ToArray happens to glue the ranges back in order; nothing promises that, so the
// notebook (In [17]) explains why AsOrdered() belongs there.
public class ParallelMapTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public void Maps_1_to_20_to_their_squares_in_order()
    {
        var squares = ParallelMap.Map(Enumerable.Range(1, 20).ToArray(), x => x * x);

        Snapshot.Match(string.Join(", ", squares));
    }

    [Fact]
    public void Runs_at_least_two_calls_at_the_same_time()
    {
        // Each call waits here until two calls are inside at once: a sequential map never gets there.
        var probe = new ConcurrencyProbe(gateAt: 2, Patience);

        var squares = ParallelMap.Map(Enumerable.Range(1, 8).ToArray(), x =>
        {
            using (probe.Enter())
            {
                return x * x;
            }
        });

        Assert.Equal(Enumerable.Range(1, 8).Select(x => x * x), squares);
        Assert.True(probe.MaxInFlight >= 2, $"At most {probe.MaxInFlight} call(s) ran at once.");
    }

    [Fact]
    public void Keeps_input_order_even_when_the_first_input_finishes_last()
    {
        // The first input does not finish until some other input has: in completion order it
        // could never come first, so only a map that puts results back in input order passes.
        var anotherFinished = new ManualResetEventSlim();
        var finished = new ConcurrentQueue<int>();

        var results = ParallelMap.Map(Enumerable.Range(0, 10).ToArray(), x =>
        {
            if (x == 0 && !anotherFinished.Wait(Patience))
            {
                throw new Xunit.Sdk.XunitException(
                    "The first input waited for another input to finish, but none did: the calls ran one after another.");
            }
            finished.Enqueue(x);
            anotherFinished.Set();
            return $"item {x}";
        });

        Assert.NotEqual(0, finished.First());
        Assert.True(results.SequenceEqual(Enumerable.Range(0, 10).Select(x => $"item {x}")),
            $"The results came back as [{string.Join(", ", results)}]. Put each result where its input was (AsOrdered, or an array indexed by input).");
    }

    [Fact]
    public void Calls_the_function_once_per_input()
    {
        var calls = new ConcurrentDictionary<int, int>();

        var results = ParallelMap.Map(Enumerable.Range(1, 50).ToArray(), x => calls.AddOrUpdate(x, 1, (_, n) => n + 1) * x);

        Assert.Equal(Enumerable.Range(1, 50), results);
        Assert.All(calls.Values, count => Assert.Equal(1, count));
    }
}
