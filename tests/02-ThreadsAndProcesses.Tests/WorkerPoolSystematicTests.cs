using System.Collections.Concurrent;

namespace ThreadsAndProcesses.Tests;

// Systematic tests for the worker pool (kata 2): Coyote chooses how the worker threads interleave, down to each read
// and write of a field, so two workers that take the same item are caught on any number of cores, on every run.
// Wrong answers they reject: a List of items with a shared index that each worker reads and then moves on
// (`var item = items[next]; next++;`): two workers read the same index, one item is processed twice and another never.
public class WorkerPoolSystematicTests
{
    private static readonly Lesson Lesson = new("WorkerPool", "02-threads-and-processes.dib", "In [7]", "tests/02-ThreadsAndProcesses.Tests");

    [Fact]
    public void Two_workers_never_take_the_same_item()
    {
        // BlockingCollection (the right tool here) blocks in code Coyote does not rewrite: uncontrolledBlocking.
        Systematic.Explore(Lesson, iterations: 40, uncontrolledBlocking: true, test: async steps =>
        {
            var threadNames = new ConcurrentDictionary<int, string>();
            string Me() => threadNames.GetOrAdd(Environment.CurrentManagedThreadId, _ => $"worker thread {(char)('A' + threadNames.Count)}");
            var processed = new ConcurrentQueue<int>();

            var pool = new WorkerPool<int, int>(2, x =>
            {
                steps.Step(Me(), $"takes item {x}");
                processed.Enqueue(x);
                return x * 10;
            });
            for (var x = 1; x <= 3; x++)
            {
                steps.Step("the test", $"adds item {x}");
                pool.Add(x);
            }
            steps.Step("the test", "calls Complete()");
            pool.Complete();
            var results = await Task.Run(pool.WaitForResults);
            steps.Step("the test", $"WaitForResults returned [{string.Join(", ", results.Order())}]");

            var twice = processed.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            var never = Enumerable.Range(1, 3).Except(processed).ToList();
            steps.Check(twice.Count == 0 && never.Count == 0,
                $"every item must be processed exactly once, but {Describe(twice, "was processed twice")}{(twice.Count > 0 && never.Count > 0 ? " and " : "")}" +
                $"{Describe(never, "was never processed")}. Let the workers take items from one thread-safe queue " +
                "(BlockingCollection.GetConsumingEnumerable), which hands each item to exactly one of them.",
                why: "two workers looked at the same place in the list before either had moved the index on, so both took the " +
                     "same item; then both moved the index, and the item after it was skipped. Reading the index and moving it " +
                     "are two steps, and the other worker ran between them.");
        });
    }

    private static string Describe(List<int> items, string what) =>
        items.Count == 0 ? "" : $"item {string.Join(" and ", items)} {what}";
}
