namespace ThreadsAndProcesses.Tests;

// Systematic tests for the shared counter (kata 5): Coyote chooses how the tasks interleave, down to each read and
// write of a field, so a lost update is found on any number of cores, on every run.
// Wrong answers they reject: a plain `_value++`; a `volatile` field, or Volatile.Read and Volatile.Write around
// `+ 1`; `lock (new object())`. The ordinary SharedCounterTests show the same races happening for real, on two cores.
public class SharedCounterSystematicTests
{
    private static readonly Lesson Lesson = new("SharedCounter", "02-threads-and-processes.dib", "Going further: a race on a shared counter",
        "tests/02-ThreadsAndProcesses.Tests");

    [Fact]
    public void Two_tasks_that_increment_at_the_same_time_are_both_counted()
    {
        Systematic.Explore(Lesson, iterations: 60, async steps =>
        {
            var counter = new SharedCounter();
            var a = Task.Run(() => IncrementOnce(counter, "task A", steps));
            var b = Task.Run(() => IncrementOnce(counter, "task B", steps));
            await Task.WhenAll(a, b);

            var value = counter.Value;
            steps.Step("the test", $"reads Value: {value}");
            steps.Check(value == 2,
                $"two increments, but Value is {value}: an increment was lost. Use Interlocked.Increment (or a lock on one shared object).",
                why: value == 1
                    ? "both tasks were inside Increment at the same time. Each read the old count, 0, added one and wrote 1, " +
                      "so the second write replaced the first. `_value++` is three steps (read, add, write), and another task " +
                      "can run between them."
                    : null);
        });
    }

    [Fact]
    public void Many_increments_from_three_tasks_add_up()
    {
        Systematic.Explore(Lesson, iterations: 30, async steps =>
        {
            var counter = new SharedCounter();
            var tasks = new[] { "task A", "task B", "task C" }
                .Select(name => Task.Run(() =>
                {
                    for (var i = 0; i < 3; i++)
                    {
                        IncrementOnce(counter, name, steps);
                    }
                }))
                .ToList();
            await Task.WhenAll(tasks);

            var value = counter.Value;
            steps.Step("the test", $"reads Value: {value}");
            steps.Check(value == 9,
                $"three tasks called Increment 3 times each (9 in all), but Value is {value}: {9 - value} increments were lost. " +
                "Use Interlocked.Increment (or a lock on one shared object).",
                why: "look for a task that calls Increment() while another task's call has not returned yet. Those two were " +
                     "inside Increment at the same time: both read the same old count and both wrote that count plus one, so " +
                     "one increment disappeared. `_value++` is three steps (read, add, write), and another task can run between them.");
        });
    }

    private static void IncrementOnce(SharedCounter counter, string who, Interleaving steps)
    {
        steps.Step(who, "calls Increment()");
        counter.Increment();
        steps.Step(who, "Increment() has returned");
    }
}
