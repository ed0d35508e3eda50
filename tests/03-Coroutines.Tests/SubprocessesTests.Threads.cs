using System.Diagnostics;

namespace Coroutines.Tests;

// A task that waits for a process needs no thread. WaitForExit() and ReadToEnd() each hold one for as long as the
// process runs, which goes unnoticed while the pool has threads to spare, and how many it has depends on the
// machine. So this test caps the pool (at the threads it has now, plus one per core), runs two commands more than
// that, and ends the last one: it can only be noticed if no thread is held by the others.
public partial class SubprocessesTests
{
    [Fact]
    public async Task RunAsync_waits_without_holding_a_thread()
    {
        // Everything that waits runs on a thread of its own, never on the (capped) pool, so that the test itself
        // keeps going whatever the kata does with the pool's threads.
        var verdict = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var control = new Thread(() =>
        {
            try
            {
                verdict.SetResult(RunWithThePoolCapped());
            }
            catch (Exception exception)
            {
                verdict.SetException(exception);
            }
        })
        { IsBackground = true, Name = "Subprocesses thread test" };
        control.Start();

        var problem = await verdict.Task;
        Assert.True(problem is null, problem);
    }

    private static string? RunWithThePoolCapped()
    {
        ThreadPool.GetMinThreads(out var minWorkers, out _);
        ThreadPool.GetMaxThreads(out var maxWorkers, out var maxIo);
        // The test host may itself hold some pool threads, blocked, and those count against the cap: leave room for
        // all of them (every thread the pool has now) and one per core for the kata.
        var cap = Math.Max(minWorkers, ThreadPool.ThreadCount + Environment.ProcessorCount);
        var count = cap + 2;
        using var marks = new TempDirectory();
        var commands = Enumerable.Range(0, count)
            .Select(i => Sh.Script($"sleeper {i}", """echo $$ > "$1.$2.tmp"; mv "$1.$2.tmp" "$1/$2"; exec sleep 60""", marks.Path, $"{i}"))
            .ToList();

        Assert.True(ThreadPool.SetMaxThreads(cap, maxIo), $"The test could not cap the thread pool at {cap} threads.");
        try
        {
            // Started from yet another thread, so that a RunAsync that blocks its caller cannot stop this one.
            var runs = new List<Task<CommandResult>>();
            Exception? thrown = null;
            var starter = new Thread(() =>
            {
                try
                {
                    foreach (var command in commands)
                    {
                        var run = Subprocesses.RunAsync(command);
                        lock (runs)
                        {
                            runs.Add(run);
                        }
                    }
                }
                catch (Exception exception)
                {
                    thrown = exception; // an exception left on this thread would end the whole test run
                }
            })
            { IsBackground = true };
            starter.Start();
            if (!starter.Join(TimeSpan.FromSeconds(5)))
            {
                return "RunAsync did not return its task while its command was running: it blocked its caller " +
                       "(WaitForExit(), ReadToEnd() or .Result). Await WaitForExitAsync and ReadToEndAsync instead.";
            }
            if (thrown is not null)
            {
                return $"RunAsync threw {thrown.GetType().Name}: {thrown.Message}";
            }
            if (!WaitUntil(() => Pids(marks).Count == count, TimeSpan.FromSeconds(10)))
            {
                return $"Only {Pids(marks).Count} of {count} commands started. Start each process in RunAsync itself, not on a thread-pool thread.";
            }

            // The last command ends; the others go on running. Noticing it needs a free thread only for a moment.
            using (var last = Process.GetProcessById(Pids(marks)[$"{count - 1}"]))
            {
                last.Kill();
            }
            if (!runs[^1].Wait(TimeSpan.FromSeconds(5)))
            {
                return $"With the thread pool at {cap} threads and {count - 1} other commands still running, RunAsync did not " +
                       "notice in 5 s that its command had ended. Each command held a thread while it waited " +
                       "(WaitForExit(), or ReadToEnd() in a Task.Run), so the pool had none left. Await " +
                       "WaitForExitAsync and ReadToEndAsync: a task that waits for a process needs no thread.";
            }
            return null;
        }
        finally
        {
            ChildProcesses.KillLeftovers(Pids(marks).Values, "sleep");
            ThreadPool.SetMaxThreads(maxWorkers, maxIo);
        }
    }

    private static Dictionary<string, int> Pids(TempDirectory marks) =>
        Directory.GetFiles(marks.Path)
            .ToDictionary(file => Path.GetFileName(file), file => int.Parse(File.ReadAllText(file).Trim()));

    private static bool WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }
            Thread.Sleep(20);
        }
        return true;
    }
}
