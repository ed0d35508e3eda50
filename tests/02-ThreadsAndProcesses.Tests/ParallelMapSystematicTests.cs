using System.Collections.Concurrent;

namespace ThreadsAndProcesses.Tests;

// Systematic tests for the parallel map (kata 1): Coyote chooses how the calls interleave, down to each read and write
// of a field, so a map that shares its bookkeeping between threads without protecting it is caught on any number of
// cores, on every run. Coyote 1.7 controls Parallel.For and Parallel.ForEach (it runs their bodies on its own
// scheduler, at most four at a time) and Task.Run, so the reference and the usual answers run under it. It does not
// control PLINQ (AsParallel), whose threads it cannot see: an answer with PLINQ runs its calls uncontrolled here, and
// these tests then check only its values; the ordinary ParallelMapTests check how it runs.
// Wrong answers they reject (tests/WrongAnswers/02-ThreadsAndProcesses/ParallelMap):
//   - worker tasks that share one index with `next++` (shared-index-plus-plus): two workers take the same input,
//     which is computed twice;
//   - a Task.Run per input whose lambda reads the `for` loop's `i` (captured-loop-variable): by the time the lambda
//     runs, the loop has moved `i` on, so results land in the wrong slot, or past the end of the array;
//   - each result added to one List from several threads, no lock (list-add-without-lock): completion order, not
//     input order (and the List itself is not safe for that).
public class ParallelMapSystematicTests
{
    private static readonly Lesson Lesson = new("ParallelMap", "02-threads-and-processes.dib", "In [17]", "tests/02-ThreadsAndProcesses.Tests");

    [Fact]
    public void Every_input_is_computed_once_and_its_result_lands_in_its_own_slot()
    {
        int[] inputs = [3, 1, 2];
        Systematic.Explore(Lesson, iterations: 40, async steps =>
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
                steps.Step("the test", $"Map threw {Inner(e).GetType().Name}: {Inner(e).Message}");
            }

            var twice = inputs.Where(x => calls.GetValueOrDefault(x) > 1).ToList();
            var never = inputs.Where(x => calls.GetValueOrDefault(x) == 0).ToList();
            steps.Check(twice.Count == 0 && never.Count == 0,
                $"work must be called exactly once for every input, but {Describe(twice, "was computed twice")}" +
                $"{(twice.Count > 0 && never.Count > 0 ? " and " : "")}{Describe(never, "was never computed")}. " +
                "Let Parallel.For hand out the indexes (each index goes to exactly one call), or take the next index with Interlocked.Increment.",
                why: "two threads read the shared index before either had moved it on, so both took the same input. Reading the " +
                     "index and moving it on (`next++`) are two steps, and the other thread ran between them.");

            var expected = inputs.Select(x => x * 10).ToArray();
            steps.Check(failure is null && results!.SequenceEqual(expected),
                failure is null
                    ? $"for the inputs [{string.Join(", ", inputs)}] Map returned [{string.Join(", ", results!)}], not [{string.Join(", ", expected)}]. " +
                      "Write each result into its own slot, results[i] = work(inputs[i]), with the i that Parallel.For gives each call."
                    : $"Map threw {Inner(failure).GetType().Name} ({Inner(failure).Message}) although every call of work succeeded. " +
                      "Use the i that Parallel.For gives each call; a lambda that reads the loop's own variable sees it as it is when the lambda runs.",
                why: failure is not null || results!.Length != expected.Length || results.Order().SequenceEqual(expected.Order())
                    ? "a lambda that uses the `for` loop's i reads it when it runs, not when it was created. The loop had already " +
                      "moved i on (to the end of the array, or to another input's slot) when the task got its turn."
                    : "the results were put in the order the calls finished, which Coyote chose to be different from the order of the inputs.");
        });
    }

    private static Exception Inner(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } a ? Inner(a.InnerExceptions[0]) : e;

    private static string Describe(List<int> items, string what) =>
        items.Count == 0 ? "" : $"input {string.Join(" and ", items)} {what}";
}
