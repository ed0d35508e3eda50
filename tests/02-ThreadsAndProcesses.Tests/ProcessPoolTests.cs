namespace ThreadsAndProcesses.Tests;

// Kata 4: a pool of child processes that talk over standard input and output.
// The child is tests/02-ThreadsAndProcesses.Worker; each one announces its process id in a folder,
// so these tests see every child that was started, whatever the pool reports.
// Wrong answers these tests reject:
//   - computing the squares in this process (Task.Run, PLINQ): the answers carry the test's own PID;
//   - one new child per input instead of a pool: more children start than asked for;
//   - never closing the children's standard input, or closing it without waiting for them to exit: children
//     are still running when MapAsync returns (the test's children linger after their input closes, until
//     released, so a pool that does not wait always returns while they run);
//   - writing all the inputs and reading everything with ReadToEndAsync before closing standard
//     input: parent and child wait for each other (the test gives up instead of hanging);
//   - waiting for an answer from a child that has crashed: the test gives up instead of hanging;
//     a crashed child must be reported as an exception;
//   - skipping the input of a child that died (`if (line is null) continue;`): with the crash as the last input,
//     nothing else fails, and MapAsync returns as if all was well.
public sealed class ProcessPoolTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ChildWorker _worker = new();

    public void Dispose() => _worker.Dispose();

    [Fact]
    public async Task Squares_are_computed_in_child_processes()
    {
        long[] inputs = [1, 2, 3, 4, 5, 6, 7];

        var answers = await Within.Await(ProcessPool.MapAsync(_worker.StartInfo(), inputs, processes: 3),
            "MapAsync did not finish. Write each input on its own line and flush, then read one answer line; " +
            "close the children's standard input when they have no more work.", Patience);

        Assert.Equal(inputs, answers.Select(a => a.Input));
        Assert.Equal(inputs.Select(x => x * x), answers.Select(a => a.Result));
        Assert.True(!answers.Any(a => a.ProcessId == Environment.ProcessId),
            "Some answers carry this test's own process id: they were computed here, not in a child process. " +
            "Write each input to a child's standard input and read the child's answer.");

        var children = _worker.Started();
        Assert.True(children.Count == 3, $"{children.Count} child processes were started, but the pool should have exactly 3.");
        Assert.Equal(children, answers.Select(a => a.ProcessId).Distinct().Order());

        Snapshot.Match(new
        {
            Answers = answers.Select(a => $"f({a.Input}) = {a.Result}").ToList(),
            Children = children.Count,
            ChildProcessIdsDifferFromOurs = !children.Contains(Environment.ProcessId),
        });
    }

    [Fact]
    public async Task Every_child_has_exited_when_MapAsync_returns()
    {
        // These children stay alive after their input closes, until the test releases them. So a pool that waits
        // for its children cannot return before the release, and a pool that only closes their input returns while
        // they still run: the order of events decides, not the speed of the machine.
        var map = ProcessPool.MapAsync(_worker.StartInfo(linger: true), [10, 20, 30, 40], processes: 2);
        var runningWhenItReturned = map.ContinueWith(_ => _worker.Started().Where(ChildWorker.IsRunning).ToList(),
            TaskContinuationOptions.ExecuteSynchronously);

        await Within.Until(() => _worker.ReachedEndOfInput() == 2 || map.IsCompleted,
            "MapAsync never closed the children's standard input, so they never stopped. Close each child's standard " +
            "input when it has no more work: that is its signal to stop.", Patience);
        // A pool that does not wait for its children returns now, while they linger; one that waits cannot.
        await Task.WhenAny(map, Task.Delay(TimeSpan.FromSeconds(1)));
        _worker.ReleaseLingering();
        await Within.Await(map, "MapAsync did not finish after its children were free to exit.", Patience);

        var running = await runningWhenItReturned;
        Assert.True(running.Count == 0,
            $"{running.Count} child process(es) were still running when MapAsync returned. Close each child's standard " +
            "input (that is its signal to stop) and await WaitForExitAsync() before returning.");
    }

    [Theory]
    [InlineData(new long[] { 1, 2, -3, 4, 5 })] // the crash is in the middle of a child's share
    [InlineData(new long[] { 1, 2, 3, 4, -5 })] // the crash is the last input: nothing else is written to the dead child
    public async Task A_crashing_child_is_reported_as_an_error_not_a_hang(long[] inputs)
    {
        // The worker crashes on purpose when asked for a negative number.
        var outcome = await Within.Outcome(ProcessPool.MapAsync(_worker.StartInfo(), inputs, processes: 2),
            "A child crashed, and MapAsync is still waiting for its answer. ReadLineAsync returns null when the child " +
            "has gone: throw an exception then.", Patience);

        Assert.True(outcome is not null,
            "A child crashed, but MapAsync returned as if all was well. When ReadLineAsync returns null the child has died " +
            "without answering: throw an exception, do not skip the input.");
        var running = _worker.Started().Where(ChildWorker.IsRunning).ToList();
        Assert.True(running.Count == 0,
            $"{running.Count} child process(es) were still running after MapAsync failed. Stop every child in a finally block.");
    }
}
