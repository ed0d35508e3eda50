namespace ThreadsAndProcesses.Tests;

// Kata 6: bounded parallelism (going further).
// Wrong answers these tests reject:
//   - no bound at all (one task per input, Task.WhenAll): more than K jobs in flight;
//   - one job at a time: the gate for K jobs at once never opens;
//   - batches of K with Task.WhenAll per batch: a slow first job holds up everything behind it;
//   - results in completion order: they must come back in input order.
public class BoundedParallelismTests
{
    private const int K = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Never_more_than_K_in_flight_and_K_is_reached()
    {
        // The gate holds each job until K jobs are in flight together, and the probe remembers the maximum.
        var probe = new ConcurrencyProbe(gateAt: K, Patience);

        var results = await Within.Await(BoundedParallelism.RunAsync(Enumerable.Range(1, 12).ToArray(), K, async x =>
        {
            using (await probe.EnterAsync())
            {
                // Hold the slot a little after the gate opens, so that a job started beyond the limit
                // is sure to be counted while the others are still in flight.
                await Task.Delay(20);
                return x * x;
            }
        }), "RunAsync did not finish.", Patience * 3);

        Assert.True(probe.MaxInFlight <= K,
            $"{probe.MaxInFlight} jobs were in flight at the same time, but the limit is {K}. Take a SemaphoreSlim slot before each job.");
        Assert.Equal(K, probe.MaxInFlight);
        AssertInInputOrder(Enumerable.Range(1, 12).Select(x => x * x), results);
        Snapshot.Match(new { MaxInFlight = probe.MaxInFlight, Results = string.Join(", ", results) });
    }

    [Fact]
    public async Task A_slow_job_does_not_hold_up_the_others()
    {
        const int count = 9;
        var othersDone = 0;
        var allOthersDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var results = await Within.Await(BoundedParallelism.RunAsync(Enumerable.Range(0, count).ToArray(), K, async x =>
        {
            if (x == 0)
            {
                // The first job finishes only after all the others: with K - 1 free slots they can still run.
                await Within.Await(allOthersDone.Task,
                    "The jobs behind a slow first job never ran. Start the next job as soon as any slot is free, not in batches of K.",
                    Patience);
                return "slow";
            }
            await Task.Yield();
            if (Interlocked.Increment(ref othersDone) == count - 1)
            {
                allOthersDone.SetResult();
            }
            return $"fast {x}";
        }), "RunAsync did not finish.", Patience * 3);

        AssertInInputOrder(["slow", .. Enumerable.Range(1, count - 1).Select(x => $"fast {x}")], results);
    }

    private static void AssertInInputOrder<T>(IEnumerable<T> expected, IEnumerable<T> actual) =>
        Assert.True(expected.SequenceEqual(actual),
            $"The results came back as [{string.Join(", ", actual)}], but they must be in input order: [{string.Join(", ", expected)}]. " +
            "Keep one task per input and await Task.WhenAll(tasks), which returns the results in the order of the tasks.");
}
