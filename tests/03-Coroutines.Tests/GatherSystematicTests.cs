namespace Coroutines.Tests;

// Systematic tests for gather (kata 1): Coyote chooses the order in which the calls finish, so an answer that keeps
// results in the order they finish (each call adds to a list, or a WhenAny loop) is caught on every run, whatever the
// machine; and an answer that awaits one call before starting the next can never open the gate (a deadlock).
public class GatherSystematicTests
{
    private static readonly Lesson Lesson = new("Gather", "03-coroutines.dib", "In [25]", "tests/03-Coroutines.Tests");

    [Fact]
    public void Results_keep_the_order_of_the_items_whichever_call_finishes_first()
    {
        Systematic.Explore(Lesson, iterations: 40, async steps =>
        {
            var items = new[] { 1, 2, 3 };
            var started = 0;
            // Opens once every call has started: only calls that are all in flight together get past it.
            var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

            var results = await Gather.AllAsync(items, async item =>
            {
                steps.Step($"call {item}", "starts");
                if (Interlocked.Increment(ref started) == items.Length)
                {
                    allStarted.TrySetResult();
                }
                await allStarted.Task;
                // Coyote decides when each call comes back from here, so they finish in an order it chooses.
                var result = await Task.Run(() => item * 10);
                steps.Step($"call {item}", $"finishes with {result}");
                return result;
            });
            steps.Step("the test", $"AllAsync returned [{string.Join(", ", results)}]");

            steps.Check(results.SequenceEqual([10, 20, 30]),
                $"AllAsync returned [{string.Join(", ", results)}], but the results must be in the order of the items: [10, 20, 30]. " +
                "Start every call, then `await Task.WhenAll(calls)`: WhenAll keeps the order of its input.",
                why: "the calls finished in a different order from the items (see the 'finishes' steps), and the results " +
                     "were kept in the order they finished.");
        });
    }
}
