using System.Collections.Concurrent;

namespace Coroutines.Tests;

// Kata 5: throttled fan-out, at most K calls in flight.
// Wrong answers these tests reject:
//   - starting every item at once (Task.WhenAll without a limit): 20 calls in flight, not 3;
//   - one item at a time: the probe's gate waits for 3 at once and gives up;
//   - batches of K (Chunk(K) with a WhenAll per batch): when one call ends, the next item does not start until the
//     whole batch has ended;
//   - forgetting Release in a finally: a failing item keeps its slot for ever;
//   - collecting results as they finish: a slow first item comes back last.
public class ThrottleTests
{
    [Fact]
    public async Task Never_more_than_three_in_flight_and_three_are_reached()
    {
        var probe = new ConcurrencyProbe(gateAt: 3, gateTimeout: TimeSpan.FromSeconds(5));
        var calls = new ConcurrentDictionary<int, int>();

        var results = await Within.Await(
            Throttle.MapAsync(Enumerable.Range(1, 20), 3, async (x, ct) =>
            {
                calls.AddOrUpdate(x, 1, (_, n) => n + 1);
                using (await probe.EnterAsync())
                {
                    await Task.Yield();
                    return x * 10;
                }
            }),
            "Throttle.MapAsync did not finish 20 quick items.");

        Assert.True(probe.MaxInFlight <= 3,
            $"{probe.MaxInFlight} calls were running at the same time, but the limit is 3. Take a SemaphoreSlim slot before each call.");
        var twice = calls.Where(c => c.Value != 1).Select(c => c.Key).ToList();
        Assert.True(calls.Count == 20 && twice.Count == 0,
            $"Every item must be processed exactly once: {calls.Count} of 20 were processed, these more than once: [{string.Join(", ", twice)}].");
        Snapshot.Match(new
        {
            Items = 20,
            Limit = 3,
            MostAtOnce = probe.MaxInFlight,
            Results = string.Join(" ", results),
        });
    }

    [Fact]
    public async Task A_free_slot_is_used_at_once()
    {
        var finish = Enumerable.Range(0, 6)
            .Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously))
            .ToArray();
        var started = new Started<int>();

        var mapping = Throttle.MapAsync(Enumerable.Range(0, 6), 2, (i, ct) =>
        {
            started.Add(i);
            return finish[i].Task;
        });

        await started.WhenCount(2, "Two items should start at once with a limit of 2.");
        Assert.True(started.Items.Count == 2, $"With a limit of 2, these items were started at once: [{string.Join(", ", started.Items)}].");

        // Item 0 ends while item 1 is still running: its slot must go to the next item now.
        finish[0].SetResult(0);
        await started.WhenCount(3,
            "Item 0 finished while item 1 was still running, but no new item started. Do not wait for a whole " +
            "batch: as soon as a slot is free, the next item should take it.");
        Assert.False(finish[1].Task.IsCompleted);

        foreach (var (gate, i) in finish.Select((gate, i) => (gate, i)))
        {
            gate.TrySetResult(i * 100);
        }
        var results = await Within.Await(mapping, "Throttle.MapAsync did not finish after every item was released.");
        Assert.Equal([0, 100, 200, 300, 400, 500], results);
    }

    [Fact]
    public async Task Results_come_in_input_order_even_when_later_items_finish_first()
    {
        // Item 0 holds its slot until the end while items 1 to 3 finish at once in the other slot, so results
        // collected as they finish always come back as [1, 2, 3, 0].
        var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var mapping = Throttle.MapAsync(Enumerable.Range(0, 4), 2, (i, ct) => i == 0 ? first.Task : Task.FromResult(i));

        first.SetResult(0);
        var results = await Within.Await(mapping, "Throttle.MapAsync did not finish after every item was done.");

        Assert.True(results.SequenceEqual([0, 1, 2, 3]),
            $"The results came back as [{string.Join(", ", results)}]. Keep each result at its item's place (await Task.WhenAll " +
            "over the throttled calls), not in the order the items finished.");
    }

    [Fact]
    public async Task A_failing_item_gives_its_slot_back()
    {
        var results = Throttle.MapAsync(Enumerable.Range(1, 4), 1, async (x, ct) =>
        {
            await Task.Yield();
            return x == 2 ? throw new InvalidOperationException("item 2 failed") : x;
        });

        var outcome = await Within.Outcome(results,
            "After item 2 failed, the other items never ran: release the slot in a finally block.");
        Assert.IsType<InvalidOperationException>(outcome);
    }
}
