namespace Coroutines.Tests;

// Systematic tests for throttling (kata 5): Coyote chooses how the calls interleave, so a limit checked and taken in
// two steps (`while (inFlight >= max) await Task.Delay(1); inFlight++`) is caught letting a third call in, on every
// run; and results kept in the order calls finish are caught too.
public class ThrottleSystematicTests
{
    private static readonly Lesson Lesson = new("Throttle", "03-coroutines.dib", "Going further: throttling with SemaphoreSlim", "tests/03-Coroutines.Tests");

    [Fact]
    public void Never_more_than_two_calls_at_once_and_results_in_item_order()
    {
        Systematic.Explore(Lesson, iterations: 80, async steps =>
        {
            var inFlight = 0;
            var most = 0;
            var results = await Throttle.MapAsync([1, 2, 3, 4, 5, 6], maxInFlight: 2, async (item, token) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                steps.Step($"call {item}", $"starts ({now} in flight)");
                most = Math.Max(most, now);
                await Task.Run(() => { }, token);
                await Task.Yield();
                now = Interlocked.Decrement(ref inFlight);
                steps.Step($"call {item}", $"finishes ({now} still in flight)");
                return item * 10;
            });
            steps.Step("the test", $"MapAsync returned [{string.Join(", ", results)}]");

            steps.Check(most <= 2,
                $"{most} calls were in flight at once, but the limit was 2. Take a slot with `await semaphore.WaitAsync()` " +
                "before each call and give it back with Release() in a finally: the semaphore checks and takes in one step.",
                why: "two calls looked at the number in flight, both saw a free slot, and both went in before either had " +
                     "counted itself: checking and taking were two steps, and the other call ran between them.");
            steps.Check(results.SequenceEqual([10, 20, 30, 40, 50, 60]),
                $"MapAsync returned [{string.Join(", ", results)}], but the results must be in the order of the items: " +
                "[10, 20, 30, 40, 50, 60]. Collect them with Task.WhenAll over the items' tasks, which keeps the input order.",
                why: "the calls finished in a different order from the items (see the 'finishes' steps).");
        });
    }
}
