namespace ThreadsAndProcesses.Tests;

// Kata 4: a pool of child processes that talk over standard input and output.
// The child is the given program katas/02-ThreadsAndProcesses/Given/Program.cs; each one announces its process id in a folder,
// so these tests see every child that was started, whatever the pool reports.
// Wrong answers these tests reject (tests/WrongAnswers/02-ThreadsAndProcesses/ProcessPool has them all):
//   - computing in this process, one child for everything, or one child per input;
//   - inputs shared out in blocks instead of in turn, answers sorted by input, or placed with IndexOf(input);
//   - children driven one after another (also: blocking reads inside the async loop);
//   - children not waited for, killed instead of told to stop, or left running when an answer cannot be read;
//   - a crashed child skipped or waited for;
//   - all input written before any answer is read: the pipes fill up and both sides wait (100,000 inputs);
//   - the children's pipes left open after the call.
// Every call to MapAsync runs on another thread with a limit, so a pool that blocks or hangs fails instead;
// ChildProgram kills any child a wrong answer leaves behind.
public sealed class ProcessPoolTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private const string DidNotFinish =
        "MapAsync did not finish. Write each input on its own line and flush, then read its answer line right away; when a " +
        "child's share is done, close its standard input (its signal to stop), then await WaitForExitAsync().";
    private readonly ChildProgram _worker = new();

    public void Dispose() => _worker.Dispose();

    private static Task<IReadOnlyList<(long Input, long Result, int ProcessId)>> Start(
        System.Diagnostics.ProcessStartInfo worker, IReadOnlyList<long> inputs, int processes) =>
        Task.Run(() => ProcessPool.MapAsync(worker, inputs, processes));

    [Fact]
    public async Task Squares_are_computed_in_child_processes()
    {
        long[] inputs = [1, 2, 3, 4, 5, 6, 7];

        var answers = await Within.Await(Start(_worker.StartInfo(), inputs, processes: 3), DidNotFinish, Patience);

        Assert.Equal(inputs, answers.Select(a => a.Input));
        Assert.Equal(inputs.Select(x => x * x), answers.Select(a => a.Result));
        Assert.True(!answers.Any(a => a.ProcessId == Environment.ProcessId),
            "Some answers carry this test's own process id: they were computed here, not in a child process. " +
            "Write each input to a child's standard input and read the child's answer.");

        var children = _worker.Started();
        Assert.True(children.Count == 3, $"{children.Count} child processes were started, but the pool should have exactly 3.");
        Assert.Equal(children, answers.Select(a => a.ProcessId).Distinct().Order());
        var dealtInTurn = Enumerable.Range(0, inputs.Length).All(i => answers[i].ProcessId == answers[i % 3].ProcessId);
        Assert.True(dealtInTurn,
            $"The inputs went to the children as [{string.Join(", ", answers.Select(a => children.ToList().IndexOf(a.ProcessId)))}] " +
            "(child numbers), not in turn. Child k gets inputs k, k + processes, k + 2 * processes, ...: loop with i += processes.");

        Snapshot.Match(new
        {
            Answers = answers.Select(a => $"f({a.Input}) = {a.Result}").ToList(),
            Children = children.Count,
            ChildProcessIdsDifferFromOurs = !children.Contains(Environment.ProcessId),
        });
    }

    [Fact]
    public async Task Answers_keep_input_order_for_unsorted_and_repeated_inputs()
    {
        long[] inputs = [9, 4, 9, 1, 7, 4, 4, 2];

        var answers = await Within.Await(Start(_worker.StartInfo(), inputs, processes: 3), DidNotFinish, Patience);

        var seen = answers.Select(a => a.Input).ToList();
        Assert.True(seen.SequenceEqual(inputs),
            $"For the inputs [{string.Join(", ", inputs)}] the answers came back for [{string.Join(", ", seen)}]. " +
            (seen.SequenceEqual(seen.Order())
                ? "Sorting by input gives the order of the values, not the order of the list: "
                : "An input can appear twice, so IndexOf(input) finds the wrong slot: ") +
            "write each answer into answers[i], where i is the index you sent.");
        Assert.Equal(inputs.Select(x => x * x), answers.Select(a => a.Result));
    }

    [Fact]
    public async Task The_children_run_at_the_same_time_and_have_all_exited_when_MapAsync_returns()
    {
        // These children stay alive after their input closes, until the test releases them. So a pool that waits
        // for its children cannot return before the release, a pool that only closes their input returns while they
        // still run, and a pool that drives one child after another never has the second one started while the first
        // waits: the order of events decides, not the speed of the machine.
        var map = Start(_worker.StartInfo(linger: true), [10, 20, 30, 40], processes: 2);
        var runningWhenItReturned = map.ContinueWith(_ => _worker.Started().Where(ChildProcesses.IsRunning).ToList(),
            TaskContinuationOptions.ExecuteSynchronously);
        try
        {
            await Within.Until(() => _worker.ReachedEndOfInput() >= 1 || map.IsCompleted,
                "MapAsync never closed a child's standard input, so no child stopped. Close each child's standard " +
                "input when it has no more work: that is its signal to stop.", Patience);
            await Within.Until(() => _worker.Started().Count >= 2 || map.IsCompleted,
                "One child had finished its share and was waiting to exit, but the second child had not even been started. " +
                "Start every child first and drive them side by side: one async loop per child, awaited together with " +
                "Task.WhenAll (and WriteLineAsync/ReadLineAsync inside, not the blocking WriteLine/ReadLine).", TimeSpan.FromSeconds(5));
            await Within.Until(() => _worker.ReachedEndOfInput() == 2 || map.IsCompleted,
                "MapAsync never closed the second child's standard input.", Patience);
            // A pool that does not wait for its children returns now, while they linger; one that waits cannot.
            await Task.WhenAny(map, Task.Delay(TimeSpan.FromSeconds(1)));
        }
        finally
        {
            _worker.ReleaseLingering();
        }
        await Within.Await(map, "MapAsync did not finish after its children were free to exit.", Patience);

        var running = await runningWhenItReturned;
        Assert.True(running.Count == 0,
            $"{running.Count} child process(es) were still running when MapAsync returned. Close each child's standard " +
            "input (that is its signal to stop) and await WaitForExitAsync() before returning.");
        var told = _worker.ReachedEndOfInput();
        Assert.True(told == 2,
            $"Only {told} of 2 children saw their standard input close: the others were killed. Killing stops a child in the " +
            "middle of its work; close its standard input and let it end by itself.");
    }

    [Theory]
    [InlineData(new long[] { 1, 2, -3, 4, 5 })] // the crash is in the middle of a child's share
    [InlineData(new long[] { 1, 2, 3, 4, -5 })] // the crash is the last input: nothing else is written to the dead child
    public async Task A_crashing_child_is_reported_as_an_error_not_a_hang(long[] inputs)
    {
        // The worker crashes on purpose when asked for a negative number.
        var outcome = await Within.Outcome(Start(_worker.StartInfo(), inputs, processes: 2),
            "A child crashed, and MapAsync is still waiting for its answer. ReadLineAsync returns null when the child " +
            "has gone: throw an exception then.", TimeSpan.FromSeconds(10));
        Unfinished.ThrowIfStub(outcome);

        Assert.True(outcome is not null,
            "A child crashed, but MapAsync returned as if all was well. When ReadLineAsync returns null the child has died " +
            "without answering: throw an exception, do not skip the input.");
        var running = _worker.Started().Where(ChildProcesses.IsRunning).ToList();
        Assert.True(running.Count == 0,
            $"{running.Count} child process(es) were still running after MapAsync failed. Stop every child in a finally block.");
    }

    [Fact]
    public async Task Every_child_is_stopped_even_when_an_answer_cannot_be_read()
    {
        // The child that gets 3 answers it with a line that is not a number, and stays alive waiting for more work.
        var outcome = await Within.Outcome(Start(_worker.StartInfo(garble: 3), [1, 2, 3, 4, 5, 6], processes: 2),
            "MapAsync did not finish after a child's answer could not be read.", TimeSpan.FromSeconds(10));
        Unfinished.ThrowIfStub(outcome);

        Assert.True(outcome is not null, "A child answered 3 with 'not-a-number', but MapAsync returned as if all was well.");
        var running = _worker.Started().Where(ChildProcesses.IsRunning).ToList();
        Assert.True(running.Count == 0,
            $"Reading an answer failed ({outcome.GetType().Name}), and {running.Count} child process(es) were left running. " +
            "Close each child's standard input and wait for it in a finally block, so that it happens whatever goes wrong.");
    }

    [Fact]
    public async Task A_hundred_thousand_inputs_go_through_without_a_deadlock()
    {
        // A pipe holds only some kilobytes. A pool that writes all its input before reading any answer fills the
        // child's output pipe, the child stops reading, and then parent and child wait for each other for ever.
        // With a few inputs the pipes never fill up; with a hundred thousand they do.
        long[] inputs = [.. Enumerable.Range(1, 100_000).Select(x => (long)x)];

        var answers = await Within.Await(Start(_worker.StartInfo(), inputs, processes: 2),
            $"MapAsync did not get through {inputs.Length:N0} inputs. If you write all the inputs before reading the answers, " +
            "the pipes fill up and parent and child wait for each other: read each answer right after writing its number.",
            TimeSpan.FromSeconds(60));

        Assert.Equal(inputs.Length, answers.Count);
        Assert.True(answers.Select(a => a.Result).SequenceEqual(inputs.Select(x => x * x)),
            "Some answers do not match their inputs.");
    }

    [Fact]
    public async Task The_childrens_pipes_are_closed_when_MapAsync_returns()
    {
        // Each child is reached through pipes, and each pipe end this process holds is a file descriptor. One that
        // is not disposed stays open until the garbage collector happens to run; a busy program runs out of them.
        if (!Directory.Exists("/proc/self/fd"))
        {
            return; // Linux shows the open descriptors there; elsewhere this test has nothing to count.
        }
        // One call first, so that whatever .NET opens once for child processes is already open when counting starts.
        await Within.Await(Start(_worker.StartInfo(), [1, 2], processes: 2), DidNotFinish, Patience);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = OpenDescriptors();

        for (var run = 0; run < 3; run++)
        {
            await Within.Await(Start(_worker.StartInfo(), [1, 2, 3, 4, 5, 6, 7, 8], processes: 4), DidNotFinish, Patience);
        }

        var leaked = OpenDescriptors() - before;
        Assert.True(leaked < 4,
            $"After 3 calls with 4 children each, this process holds {leaked} more open file descriptors than before: the " +
            "children's pipes were not closed. Dispose each Process (using var child = Process.Start(...)) and its " +
            "StandardOutput and StandardInput streams.");
    }

    private static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;
}
