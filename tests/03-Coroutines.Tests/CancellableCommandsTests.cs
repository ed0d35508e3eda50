using System.Collections.Concurrent;

namespace Coroutines.Tests;

// Kata 4: cancelling stops the child processes. The commands are `sleep 60`: if they survive, the test sees them.
// Wrong answers these tests reject (tests/WrongAnswers/03-Coroutines/CancellableCommands holds them all):
//   - WaitForExitAsync(token) alone, Kill() without entireProcessTree, or killing only the process being awaited;
//   - ignoring the token, returning results instead of an OperationCanceledException;
//   - killing later, after the caller has been told (for example from a Task.Run);
//   - the commands one after another, `started` called only at the exit, a lazy Select enumerated twice.
// Not caught: killing without then awaiting WaitForExitAsync. A killed process dies almost at once, so no test
// from outside can be sure to see it alive; the solution awaits the exit anyway, so that "cancelled" means "gone".
// Every test kills whatever it started that is still alive, so a wrong answer leaves nothing behind.
public class CancellableCommandsTests
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Cancelling_kills_every_child_process()
    {
        var pids = new ConcurrentQueue<int>();
        using var cancel = new CancellationTokenSource();
        var commands = Enumerable.Range(1, 3).Select(i => new Command($"sleeper {i}", "sleep", ["60"])).ToList();
        try
        {
            var running = CancellableCommands.RunAllAsync(commands, pids.Enqueue, cancel.Token);
            await WaitForCount(pids, 3, running);

            cancel.Cancel();
            var outcome = await Within.Outcome(running,
                "The caller cancelled, but RunAllAsync kept waiting for the processes. Pass the token to WaitForExitAsync.",
                TimeSpan.FromSeconds(10));
            var alive = pids.Where(ChildProcesses.IsRunning).ToList();
            var stillAlive = await ChildProcesses.StillRunningAfter(pids, Grace);

            Assert.True(pids.Count == 3,
                $"The started callback was called {pids.Count} times for 3 commands: start each command exactly once " +
                "(turn the Select into a list once) and report each process once.");
            Assert.True(outcome is OperationCanceledException,
                $"After cancelling, the caller should get an OperationCanceledException, not {outcome?.GetType().Name ?? "a result"}.");
            Assert.True(stillAlive.Count == 0,
                $"{stillAlive.Count} of the 3 processes were still running {Grace.TotalSeconds:0} s after the caller was told they were " +
                "cancelled. Cancelling the token only stops the waiting: kill each process with Kill(entireProcessTree: true).");
            Assert.True(alive.Count == 0,
                $"{alive.Count} of the 3 processes were still running when RunAllAsync threw. Wait for each killed " +
                "process to exit (WaitForExitAsync) before you rethrow.");

            Snapshot.Match(new
            {
                Started = pids.Count,
                RunningAfterCancel = stillAlive.Count,
                CallerGot = nameof(OperationCanceledException),
            });
        }
        finally
        {
            ChildProcesses.KillLeftovers(pids, "sleep");
        }
    }

    [Fact]
    public async Task Cancelling_also_stops_the_processes_a_command_started()
    {
        var pids = new ConcurrentQueue<int>();
        var grandchildren = new List<int>();
        using var cancel = new CancellationTokenSource();
        using var marks = new TempDirectory();
        // The shell starts `sleep 60` as its own child, writes that child's id to a file, and waits for it.
        var command = Sh.Script("parent", """sleep 60 & echo $! > "$1.tmp"; mv "$1.tmp" "$1/grandchild"; wait""", marks.Path);
        try
        {
            var running = CancellableCommands.RunAllAsync([command], pids.Enqueue, cancel.Token);
            await marks.WaitForFiles(1, running, "The command never started its own child.");
            grandchildren.Add(int.Parse(File.ReadAllText(System.IO.Path.Combine(marks.Path, "grandchild")).Trim()));

            cancel.Cancel();
            await Within.Outcome(running, "The caller cancelled, but RunAllAsync kept waiting.", TimeSpan.FromSeconds(10));
            var stillAlive = await ChildProcesses.StillRunningAfter(pids.Concat(grandchildren), Grace);

            Assert.True(stillAlive.Count == 0,
                "After cancelling, the `sleep 60` that the command had started itself was still running. " +
                "Kill(entireProcessTree: true) stops a process together with the processes it started.");
        }
        finally
        {
            ChildProcesses.KillLeftovers(pids.Concat(grandchildren), "sleep");
        }
    }

    [Fact]
    public async Task Without_cancelling_every_command_runs_to_the_end()
    {
        var pids = new ConcurrentQueue<int>();
        Command[] commands = [Sh.Script("one", "echo one"), Sh.Script("two", "echo two >&2; exit 4")];

        var results = await Within.Await(CancellableCommands.RunAllAsync(commands, pids.Enqueue, CancellationToken.None),
            "RunAllAsync did not finish for two quick commands.");

        Assert.True(pids.Count == 2, $"The started callback was called {pids.Count} times for 2 commands: call it once per process.");
        Snapshot.Match(results);
    }

    private static async Task WaitForCount(ConcurrentQueue<int> pids, int count, Task running)
    {
        var deadline = DateTime.UtcNow + Within.Default;
        while (pids.Count < count)
        {
            if (running.IsCompleted)
            {
                await running;
                Assert.Fail($"RunAllAsync finished when only {pids.Count} of {count} processes had been reported as started.");
            }
            Assert.True(DateTime.UtcNow < deadline,
                $"After {Within.Default.TotalSeconds:0} s only {pids.Count} of {count} processes had been reported. " +
                "Start every command at once and call `started` with process.Id right after Process.Start.");
            await Task.Delay(20);
        }
    }
}
