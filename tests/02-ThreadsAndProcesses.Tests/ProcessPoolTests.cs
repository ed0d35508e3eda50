namespace ThreadsAndProcesses.Tests;

// Kata 4: a pool of child processes that talk over standard input and output.
// The child is tests/02-ThreadsAndProcesses.Worker; each one announces its process id in a folder,
// so these tests see every child that was started, whatever the pool reports.
// Wrong answers these tests reject:
//   - computing the squares in this process (Task.Run, PLINQ): the answers carry the test's own PID;
//   - one new child per input instead of a pool: more children start than asked for;
//   - never closing the children's standard input, or not waiting for them: children are still
//     running when MapAsync returns;
//   - writing all the inputs and reading everything with ReadToEndAsync before closing standard
//     input: parent and child wait for each other (the test gives up instead of hanging);
//   - waiting for an answer from a child that has crashed: the test gives up instead of hanging;
//     a crashed child must be reported as an exception.
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
        await Within.Await(ProcessPool.MapAsync(_worker.StartInfo(), [10, 20, 30, 40], processes: 2),
            "MapAsync did not finish.", Patience);

        var running = _worker.Started().Where(ChildWorker.IsRunning).ToList();
        Assert.True(running.Count == 0,
            $"{running.Count} child process(es) were still running after MapAsync returned. Close each child's standard " +
            "input (that is its signal to stop) and await WaitForExitAsync() before returning.");
    }

    [Fact]
    public async Task A_crashing_child_is_reported_as_an_error_not_a_hang()
    {
        // The worker crashes on purpose when asked for a negative number.
        var outcome = await Within.Outcome(ProcessPool.MapAsync(_worker.StartInfo(), [1, 2, -3, 4, 5], processes: 2),
            "A child crashed, and MapAsync is still waiting for its answer. ReadLineAsync returns null when the child " +
            "has gone: throw an exception then.", Patience);

        Assert.True(outcome is not null, "A child crashed, but MapAsync returned as if all was well. Throw an exception when a child dies.");
        var running = _worker.Started().Where(ChildWorker.IsRunning).ToList();
        Assert.True(running.Count == 0,
            $"{running.Count} child process(es) were still running after MapAsync failed. Stop every child in a finally block.");
    }
}
