namespace ThreadsAndProcesses.Tests;

// Systematic tests for the parallel map (kata 1): Coyote chooses the order in which the calls finish, so an answer
// that collects results as they finish (a ConcurrentBag, or a locked List.Add) is caught on every run, whatever the
// machine.
public class ParallelMapSystematicTests
{
    private static readonly Lesson Lesson = new("ParallelMap", "02-threads-and-processes.dib", "In [17]", "tests/02-ThreadsAndProcesses.Tests");

    [Fact]
    public void Results_keep_the_order_of_the_inputs_whichever_call_finishes_first()
    {
        // PLINQ (the right tool here) runs the calls on threads Coyote does not control: uncontrolledBlocking.
        Systematic.Explore(Lesson, iterations: 40, uncontrolledBlocking: true, test: steps =>
        {
            int[] inputs = [1, 2, 3, 4];
            var results = ParallelMap.Map(inputs, x =>
            {
                steps.Step($"call {x}", "starts");
                Thread.Yield();
                steps.Step($"call {x}", $"finishes with {x * 10}");
                return x * 10;
            });
            steps.Step("the test", $"Map returned [{string.Join(", ", results)}]");

            steps.Check(results.SequenceEqual([10, 20, 30, 40]),
                $"Map returned [{string.Join(", ", results)}], but result i must be work(inputs[i]): [10, 20, 30, 40]. " +
                "Use inputs.AsParallel().AsOrdered().Select(work).ToArray(), or write each result into its own slot, results[i].",
                why: "the calls finished in a different order from the inputs (see the 'finishes' steps), and the results were " +
                     "kept in the order they finished.");
            return Task.CompletedTask;
        });
    }
}
