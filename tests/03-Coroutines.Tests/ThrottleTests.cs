using System.Collections.Concurrent;

namespace Coroutines.Tests;

// Kata 5: throttled fan-out, at most K calls in flight.
// Every call into Throttle runs on another thread with a limit, so one that blocks its caller fails in seconds.
// Wrong answers these tests reject (tests/WrongAnswers/03-Coroutines/Throttle holds them all):
//   - no limit, one item at a time, or batches of K: too many at once, K never reached, or a free slot left empty;
//   - Release outside a finally, or twice on a failure: the limit shrinks until it hangs, or grows for good;
//   - waiting for a slot inside the try whose finally releases it: a cancelled waiter gives back a slot it never took;
//   - ignoring the caller's token, blocking on Wait() or .Result, swallowing failures;
//   - results collected as they finish or placed with IndexOf(item), a lazy Select enumerated twice.
public class ThrottleTests
{
    [Fact]
    public async Task Never_more_than_three_in_flight_and_three_are_reached()
    {
        var probe = new ConcurrencyProbe(gateAt: 3, gateTimeout: TimeSpan.FromSeconds(5));
        var calls = new ConcurrentDictionary<int, int>();

        var results = await Within.Await(
            await Start(() => Throttle.MapAsync(Enumerable.Range(1, 20), 3, async (x, ct) =>
            {
                calls.AddOrUpdate(x, 1, (_, n) => n + 1);
                using (await probe.EnterAsync())
                {
                    await Task.Yield();
                    return x * 10;
                }
            })),
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

        var mapping = await Start(() => Throttle.MapAsync(Enumerable.Range(0, 6), 2, (i, ct) =>
        {
            started.Add(i);
            return finish[i].Task;
        }), whenBlocked: () => Array.ForEach(finish, gate => gate.TrySetResult(0)));

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
        var mapping = await Start(() => Throttle.MapAsync(Enumerable.Range(0, 4), 2, (i, ct) => i == 0 ? first.Task : Task.FromResult(i)),
            whenBlocked: () => first.TrySetResult(0));

        first.SetResult(0);
        var results = await Within.Await(mapping, "Throttle.MapAsync did not finish after every item was done.");

        Assert.True(results.SequenceEqual([0, 1, 2, 3]),
            $"The results came back as [{string.Join(", ", results)}]. Keep each result at its item's place (await Task.WhenAll " +
            "over the throttled calls), not in the order the items finished.");
    }

    [Fact]
    public async Task A_failing_item_gives_its_slot_back()
    {
        var results = await Start(() => Throttle.MapAsync(Enumerable.Range(1, 4), 1, async (x, ct) =>
        {
            await Task.Yield();
            return x == 2 ? throw new InvalidOperationException("item 2 failed") : x;
        }));

        var outcome = await Within.Outcome(results,
            "After item 2 failed, the other items never ran: release the slot in a finally block.", TimeSpan.FromSeconds(5));
        Assert.IsType<InvalidOperationException>(outcome);
    }

    [Fact]
    public async Task Repeated_items_each_get_their_own_result()
    {
        int[] items = [5, 5, 7, 5];
        var calls = 0;

        var results = await Within.Await(
            await Start(() => Throttle.MapAsync(items, 2, async (x, ct) =>
            {
                Interlocked.Increment(ref calls);
                await Task.Yield();
                return x * 10;
            })),
            "Throttle.MapAsync did not finish four quick items.");

        Assert.True(results.SequenceEqual([50, 50, 70, 50]),
            $"For the items [5, 5, 7, 5] the results were [{string.Join(", ", results)}], not [50, 50, 70, 50]. An item can " +
            "appear more than once: keep each result at its item's position, not at items.IndexOf(item).");
        Assert.True(calls == 4, $"{calls} calls were made for 4 items: call the work exactly once per item.");
    }

    [Fact]
    public async Task Failures_do_not_raise_the_limit()
    {
        // Items 0 and 1 fail at once; the others stay in flight until the end. If a failure gave back more than
        // its own slot, more than 2 of them would be running together.
        var probe = new ConcurrencyProbe();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var mapping = await Start(() => Throttle.MapAsync(Enumerable.Range(0, 10), 2, async (i, ct) =>
            {
                await Task.Yield();
                if (i < 2)
                {
                    throw new InvalidOperationException($"item {i} failed");
                }
                using (await probe.EnterAsync())
                {
                    await hold.Task;
                    return i;
                }
            }), whenBlocked: () => hold.TrySetResult());

            await Within.Until(() => probe.InFlight >= 2,
                () => $"After items 0 and 1 failed, only {probe.InFlight} of the other items started with a limit of 2. " +
                      "Release the slot in a finally block, so that a failing item gives it back.",
                TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(200)); // room for any extra item to start, if a slot was given back twice
            Assert.True(probe.MaxInFlight <= 2,
                $"After two items failed, {probe.MaxInFlight} items were running at the same time with a limit of 2. A failing " +
                "item gave back more than its one slot: call Release exactly once, in the finally, and nowhere else.");

            hold.SetResult();
            var outcome = await Within.Outcome(mapping, "Throttle.MapAsync did not finish after every item was released.", TimeSpan.FromSeconds(5));
            Assert.True(outcome is InvalidOperationException,
                $"Two items failed, but Throttle.MapAsync ended with {outcome?.GetType().Name ?? "results"}: let the failure come out.");
        }
        finally
        {
            hold.TrySetResult();
        }
    }

    [Fact]
    public async Task Cancelling_stops_the_running_items_and_starts_no_more()
    {
        // A limit of 2 and 8 items: 2 run, 6 wait for a slot. The running items end the moment the caller cancels
        // (their continuations run inline, inside Cancel), so their slots come free while the others still wait:
        // whoever takes such a slot must see that the token is cancelled and start nothing.
        var started = new Started<int>();
        var hold = Enumerable.Range(0, 8).Select(_ => new TaskCompletionSource()).ToArray(); // inline on purpose
        using var caller = new CancellationTokenSource();
        var mapping = await Start(() => Throttle.MapAsync(Enumerable.Range(0, 8), 2, async (i, ct) =>
        {
            started.Add(i);
            await hold[i].Task.WaitAsync(ct);
            ct.ThrowIfCancellationRequested();
            return i;
        }, caller.Token), whenBlocked: caller.Cancel);

        await started.WhenCount(2, "With a limit of 2, two items should start at once.");
        // Registered last, so it runs first when the caller cancels: the running items end before anything else.
        caller.Token.Register(() =>
        {
            foreach (var i in started.Items)
            {
                hold[i].TrySetResult();
            }
        });
        caller.Cancel();

        var outcome = await Within.Outcome(mapping,
            "The caller cancelled, but Throttle.MapAsync kept going. Pass the caller's token to WaitAsync and to the work.",
            TimeSpan.FromSeconds(5));
        Assert.True(outcome is OperationCanceledException,
            $"The caller cancelled, but Throttle.MapAsync ended with {outcome?.GetType().Name ?? "results"}: {outcome?.Message}. " +
            "It should end with an OperationCanceledException. Take the slot (await WaitAsync) before the try whose finally " +
            "releases it: an item cancelled while it waits has no slot to give back.");
        Assert.True(started.Items.Count == 2,
            $"After the caller cancelled, more items were started: [{string.Join(", ", started.Items)}]. Pass the caller's " +
            "token to WaitAsync, and once you hold a slot, check the token again (cancellationToken.ThrowIfCancellationRequested()) " +
            "before starting the work: cancelling ends the running items, and their slots come free while others wait.");
    }

    // Calls Throttle.MapAsync on another thread with a limit: one that blocks its caller (Wait(), .Result) fails here,
    // after `whenBlocked` has let its items finish so that the blocked thread can end, instead of hanging the run.
    private static async Task<Task<TResult[]>> Start<TResult>(Func<Task<TResult[]>> map, Action? whenBlocked = null)
    {
        // StartNew, not Task.Run: Task.Run would unwrap the returned task and wait for the whole mapping.
        var starting = Task.Factory.StartNew(map, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        try
        {
            return await Within.Await(starting,
                "Throttle.MapAsync did not even return its task while the items were running: it blocked its caller " +
                "(SemaphoreSlim.Wait(), .Result or .Wait()). Use await slots.WaitAsync(cancellationToken) instead.",
                TimeSpan.FromSeconds(5));
        }
        catch
        {
            whenBlocked?.Invoke();
            throw;
        }
    }
}
