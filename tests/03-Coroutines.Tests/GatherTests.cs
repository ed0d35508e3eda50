namespace Coroutines.Tests;

// Kata 1: gather, Task.WhenAll (seed cell In [25]).
// Wrong answers these tests reject:
//   - awaiting each call inside a foreach: only one call is ever in flight, so the probe's gate never opens;
//   - a lazy Select awaited item by item: the same, one call at a time;
//   - collecting results as the calls finish (each call adds to a list, or a WhenAny loop): the results come in
//     completion order, not input order.
public class GatherTests
{
    [Fact]
    public async Task All_twenty_calls_are_in_flight_at_once()
    {
        // Every call waits at the gate until all 20 are inside it: only a gather gets them all there.
        var probe = new ConcurrencyProbe(gateAt: 20, gateTimeout: TimeSpan.FromSeconds(5));

        var results = await Within.Await(
            Gather.AllAsync(Enumerable.Range(1, 20), async x =>
            {
                using (await probe.EnterAsync())
                {
                    return x * x;
                }
            }),
            "Gather.AllAsync did not finish. Start every call first, then await Task.WhenAll.");

        Assert.Equal(20, probe.MaxInFlight);
        Snapshot.Match($"Results: [{string.Join(", ", results)}]");
    }

    [Fact]
    public async Task Results_come_in_input_order_even_when_later_calls_finish_first()
    {
        var answers = Enumerable.Range(0, 5)
            .Select(_ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously))
            .ToArray();

        // The last call has its answer before anything starts, so a gather that collects results as they finish
        // (each call adding to a list, or a WhenAny loop) always meets it first. The others answer last-first.
        answers[4].SetResult("call 4");
        var gathering = Gather.AllAsync(Enumerable.Range(0, 5), i => answers[i].Task);
        for (var i = 3; i >= 0; i--)
        {
            answers[i].SetResult($"call {i}");
        }

        var results = await Within.Await(gathering, "Gather.AllAsync did not finish after every call had answered.");
        Assert.True(results.SequenceEqual(["call 0", "call 1", "call 2", "call 3", "call 4"]),
            $"The results came back as [{string.Join(", ", results)}]. They must be in the order of the input " +
            "(Task.WhenAll keeps that order), not in the order the calls finished.");
    }

    [Fact]
    public async Task No_items_give_no_results()
    {
        var results = await Within.Await(
            Gather.AllAsync(Array.Empty<int>(), x => Task.FromResult(x)),
            "Gather.AllAsync did not finish for an empty input.");

        Assert.Empty(results);
    }
}
