namespace Coroutines.Tests;

// Systematic tests for gather (kata 1): Coyote chooses the order in which the calls finish and when the code after each
// call gets its turn, so an answer that keeps the results in the order the calls finish, or stores each one at a
// position read after its call has finished, is caught on every run and on any number of cores.
// Wrong answers they reject (tests/WrongAnswers/03-Coroutines/Gather):
//   - captured-loop-index: a for loop's `i`, read after the call has finished, says where to store the result
//     (the ordinary GatherTests see it too, as an IndexOutOfRangeException; here the learner is told why);
//   - results kept in the order the calls finish (a shared list or queue, a WhenAny loop).
// Not reached: calls that add to one List<T> without a lock. Coyote 1.7.11 runs each List.Add as one step unless the
// rewrite is asked for data-race checks (IsDataRaceCheckingEnabled, which tests/Coyote.targets does not set), and
// even then it took 178 iterations to find.
// Alone, after the other classes: Coyote takes over the scheduling of the tasks it runs, and tasks left behind by
// another class's test (a race that never returned) must not wake up inside one of its runs.
[Collection(nameof(OneAtATime))]
public class GatherSystematicTests
{
    private static readonly Lesson Lesson = new("Gather", "03-coroutines.dib", "In [25]", "tests/03-Coroutines.Tests");

    [Fact]
    public void Every_result_is_kept_at_its_items_place_whichever_call_finishes_first()
    {
        Systematic.Explore(Lesson, iterations: 40, async steps =>
        {
            int[] items = [1, 2, 3];
            var calls = 0;
            int[] results;
            try
            {
                results = await Gather.AllAsync(items, async item =>
                {
                    Interlocked.Increment(ref calls);
                    steps.Step($"call {item}", "starts");
                    // Coyote decides when each call comes back from here, so they finish in an order it chooses.
                    await Task.Yield();
                    steps.Step($"call {item}", $"finishes with {item * 10}");
                    return item * 10;
                });
            }
            catch (Exception problem) when (problem is not NotImplementedException)
            {
                steps.Step("the test", $"AllAsync threw {problem.GetType().Name}: {problem.Message}");
                steps.Check(false,
                    $"AllAsync threw {problem.GetType().Name} ({problem.Message}), but every call succeeded. Start every call, " +
                    "then `return await Task.WhenAll(calls)`: WhenAll puts each result at its call's position.",
                    why: problem is IndexOutOfRangeException or ArgumentOutOfRangeException
                        ? "a call stored its result at a position it read after it had finished: a for loop's `i` is one " +
                          "variable for every round, and by then the loop had moved it on, here past the end."
                        : "two calls that finished at the same moment changed one shared list at once, and it broke.");
                return;
            }
            steps.Step("the test", $"AllAsync returned [{string.Join(", ", results)}]");

            steps.Check(calls == 3 && results.SequenceEqual([10, 20, 30]),
                $"for the items [1, 2, 3] AllAsync returned [{string.Join(", ", results)}] after {calls} calls, not [10, 20, 30]. " +
                "Start every call, then `return await Task.WhenAll(calls)`: WhenAll puts each result at its call's position, " +
                "with no shared list or index for the calls to fight over.",
                why: Why(results));
        });
    }

    private static string Why(int[] results) => results.Length switch
    {
        < 3 => "two calls finished at the same moment and both added their result to the same shared list. Adding is " +
               "several steps (find the end, write, move the end on), and the other call ran between them, so both " +
               "wrote into the same place and one result was lost.",
        _ when results.Order().SequenceEqual([10, 20, 30]) =>
               "every result is there, but not at its item's place: look at the order of the 'finishes' steps. The " +
               "results were kept in the order the calls finished, or stored at a position read after the call had " +
               "finished (a for loop's `i` has moved on by then).",
        _ => "a result is missing or stored twice: a call stored its result at a position read after it had finished " +
             "(a for loop's `i`, shared by every round, has moved on by then), or two calls wrote into one shared list " +
             "at the same moment.",
    };
}
