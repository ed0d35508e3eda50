using System.Collections.Concurrent;

namespace ThreadsAndProcesses.Tests;

// Systematic tests for the parallel map (kata 1): Coyote chooses how the calls interleave, down to each read and write
// of a field, so a map that shares its bookkeeping between threads without protecting it is caught on any number of
// cores, on every run. Coyote 1.7 controls Task.Run, Task.WaitAll and the plain overloads of Parallel.For and
// Parallel.ForEach (it runs their bodies on its own scheduler, at most four at a time), so the reference and most
// answers run under it. It does not control PLINQ (AsParallel): PLINQ's threads run on their own here, so for a PLINQ
// answer this test checks the values only (and takes a few seconds longer); the ordinary ParallelMapTests check how it runs.
// Wrong answers it rejects (tests/WrongAnswers/02-ThreadsAndProcesses/ParallelMap):
//   - worker tasks that share one index with `next++` (shared-index-plus-plus): two workers take the same input,
//     which is computed twice (the ordinary tests catch that only when the threads happen to collide);
//   - a Task.Run per input whose lambda reads the `for` loop's `i` (captured-loop-variable): by the time the lambda
//     runs, the loop has moved `i` on, so results land in the wrong slot, or past the end of the array;
//   - each result added to one List from several threads, no lock (list-add-without-lock): completion order, not
//     input order. (List.Add itself is not rewritten, so Coyote cannot switch inside it: the lost adds it can cause
//     are not what is caught here.)
// Right answers it passes: the reference (Parallel.For into results[i]), PLINQ with AsOrdered(), worker tasks that take
// indexes with Interlocked.Increment.
// Budget: 70 iterations from Systematic.DefaultSeed; the answers above fail at iteration 2 (shared index) and 17
// (captured loop variable).
public class ParallelMapSystematicTests
{
    private static readonly Lesson Lesson = new("ParallelMap", "02-threads-and-processes.dib", "In [17]", "tests/02-ThreadsAndProcesses.Tests");

    [Fact]
    public void Every_input_is_computed_once_and_its_result_lands_in_its_own_slot()
    {
        int[] inputs = [3, 1, 2];
        Systematic.Explore(Lesson, iterations: 70, async steps =>
        {
            var threadNames = new ConcurrentDictionary<int, string>();
            string Me() => threadNames.GetOrAdd(Environment.CurrentManagedThreadId, _ => $"thread {(char)('A' + threadNames.Count)}");
            var calls = new ConcurrentDictionary<int, int>();

            int[]? results = null;
            Exception? failure = null;
            try
            {
                steps.Step("the test", $"calls Map([{string.Join(", ", inputs)}], x => x * 10)");
                results = await Task.Run(() => ParallelMap.Map(inputs, x =>
                {
                    steps.Step(Me(), $"computes work({x})");
                    calls.AddOrUpdate(x, 1, (_, n) => n + 1);
                    return x * 10;
                }));
                steps.Step("the test", $"Map returned [{string.Join(", ", results)}]");
            }
            catch (Exception e) when (Inner(e) is NotImplementedException stub && stub != e)
            {
                throw stub; // an untouched kata, wrapped by Parallel.For: Systematic.Explore shows its own message
            }
            catch (Exception e) when (e is not NotImplementedException)
            {
                failure = e;
                steps.Step("the test", $"Map threw {Inner(e)!.GetType().Name}: {Inner(e)!.Message}");
            }

            // A map that threw is told first: its calls may have stopped early, so their count would say little.
            steps.Check(failure is null,
                $"Map threw {Inner(failure)?.GetType().Name} ({Inner(failure)?.Message}) although every call of work succeeded. " +
                "Use the i that Parallel.For gives each call: a lambda that reads the `for` loop's own i sees it as it is when the lambda runs.",
                why: Inner(failure) is IndexOutOfRangeException or ArgumentOutOfRangeException
                    ? "a lambda that uses the `for` loop's i reads it when it runs, not when it was created. The loop had already " +
                      "moved i on, here past the last input, when the task got its turn."
                    : null);

            var twice = inputs.Where(x => calls.GetValueOrDefault(x) > 1).ToList();
            var never = inputs.Where(x => calls.GetValueOrDefault(x) == 0).ToList();
            steps.Check(twice.Count == 0 && never.Count == 0,
                $"work must be called exactly once for every input, but {Describe(twice, "computed twice")}" +
                $"{(twice.Count > 0 && never.Count > 0 ? " and " : "")}{Describe(never, "never computed")}. " +
                "Let Parallel.For hand out the indexes (each index goes to exactly one call), or take the next index with Interlocked.Increment.",
                why: "two threads read the shared index before either had moved it on, so both took the same input. Reading the " +
                     "index and moving it on (`next++`) are two steps, and the other thread ran between them.");

            var expected = inputs.Select(x => x * 10).ToArray();
            steps.Check(results!.SequenceEqual(expected),
                $"for the inputs [{string.Join(", ", inputs)}] Map returned [{string.Join(", ", results!)}], not [{string.Join(", ", expected)}]. " +
                "Write each result into its own slot, results[i] = work(inputs[i]), with the i that Parallel.For gives each call.",
                why: results!.Order().SequenceEqual(expected.Order())
                    ? "the results were put in the order the calls finished, which Coyote chose to be different from the order of the inputs."
                    : "a lambda that uses the `for` loop's i reads it when it runs, not when it was created: by then the loop had " +
                      "moved i on to another input's slot.");
        });
    }

    // What the first failing call threw (Parallel.For and Task.WaitAll wrap it in an AggregateException).
    private static Exception? Inner(Exception? e) => e is AggregateException a ? a.Flatten().InnerExceptions.FirstOrDefault() ?? a : e;

    private static string Describe(List<int> items, string what) => items.Count switch
    {
        0 => "",
        1 => $"input {items[0]} was {what}",
        _ => $"inputs {string.Join(" and ", items)} were {what}",
    };
}
