namespace Coroutines.Tests;

// Systematic tests for throttling (kata 5): Coyote chooses how the items interleave, down to each read and write of a
// field in ordinary (not async) methods, so a limit that is checked and taken in two steps is caught letting one item
// too many in, on every run and on any number of cores. The ordinary ThrottleTests let such an answer through on one
// core: there the thread pool hardly ever switches between the check and the take.
// Wrong answers they reject (tests/WrongAnswers/03-Coroutines/Throttle):
//   - race-check-then-take: a plain counter and a helper `if (running < max) { running++; return true; }`, polled
//     with `await Task.Delay(1)`;
//   - results kept in the order the items finish.
// Coyote 1.7.11 does not switch tasks at reads and writes of fields inside async methods (it skips their state
// machines), so the same check-then-take written inline in an async method, or a plain `running--` in its finally,
// is out of its reach: those need the ordinary tests (and two cores) to show.
// Alone, after the other classes: Coyote takes over the scheduling of the tasks it runs, and tasks left behind by
// another class's test (a race that never returned) must not wake up inside one of its runs.
[Collection(nameof(OneAtATime))]
public class ThrottleSystematicTests
{
    private static readonly Lesson Lesson = new("Throttle", "03-coroutines.dib", "Going further: throttling with SemaphoreSlim",
        "tests/03-Coroutines.Tests");

    [Fact]
    public void Never_more_than_two_items_at_once()
    {
        Systematic.Explore(Lesson, iterations: 90, async steps =>
        {
            var inFlight = 0;
            var most = 0;
            var results = await Throttle.MapAsync([1, 2, 3, 4, 5], maxInFlight: 2, async (item, token) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                steps.Step($"item {item}", $"starts ({now} running)");
                most = Math.Max(most, now);
                // Two points where Coyote may let another item run before this one ends.
                await Task.Yield();
                await Task.Yield();
                now = Interlocked.Decrement(ref inFlight);
                steps.Step($"item {item}", $"ends ({now} still running)");
                return item * 10;
            });
            steps.Step("the test", $"MapAsync returned [{string.Join(", ", results)}]");

            steps.Check(most <= 2,
                $"{most} items were running at once, but the limit was 2. Take a slot with `await slots.WaitAsync(cancellationToken)` " +
                "before each item and give it back with slots.Release() in a finally: a SemaphoreSlim checks for a free slot " +
                "and takes it in one step.",
                why: "look at the 'starts' steps just before the one with 3 running: two items looked for a free slot at about " +
                     "the same moment, both saw one, and both went in. Checking the count and changing it were separate steps, " +
                     "and another item ran between them.");
            steps.Check(results.SequenceEqual([10, 20, 30, 40, 50]),
                $"MapAsync returned [{string.Join(", ", results)}], but the results must be in the order of the items: " +
                "[10, 20, 30, 40, 50]. Collect them with Task.WhenAll over the items' tasks, which keeps the input order.",
                why: "the items ended in a different order from the input (see the 'ends' steps).");
        });
    }
}
