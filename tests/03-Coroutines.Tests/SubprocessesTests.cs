using System.Diagnostics;

namespace Coroutines.Tests;

// Kata 2: concurrent subprocesses (seed cell In [37]).
// Wrong answers these tests reject (tests/WrongAnswers/03-Coroutines/Subprocesses holds them all):
//   - one command after another: the processes wait for each other at a barrier, and only one ever starts;
//   - waiting for the exit before reading, or reading stdout to the end before stderr: a chatty command blocks forever;
//   - WaitForExit() or ReadToEnd() on thread-pool threads: seen with the pool capped at one thread per core, so
//     the verdict is the same on every machine (SubprocessesTests.Threads.cs);
//   - throwing when a command fails, leaving failed commands out, losing stderr or all but the first line;
//   - gluing the arguments into one string, results in finish order, the token ignored.
[Collection(nameof(OneAtATime))]
public partial class SubprocessesTests
{
    private const string FailureIsNotAnException =
        "A command that fails is not an exception: return its exit code and error output, next to the other results.";

    [Fact]
    public async Task RunAsync_reports_the_output_the_errors_and_the_exit_code()
    {
        var running = Subprocesses.RunAsync(Sh.Script("mixed", "echo hello; echo world; echo oops >&2; exit 3"));

        var outcome = await Within.Outcome(running, "RunAsync did not finish for a command that ends at once.");
        Assert.True(outcome is null, $"RunAsync threw {outcome?.GetType().Name}: {outcome?.Message}. " + FailureIsNotAnException);
        var result = await running;

        Assert.True(result.Output == "hello\nworld\n",
            $"The command printed two lines, but Output was <{result.Output}>: read everything with ReadToEndAsync.");
        Assert.Equal(new CommandResult("mixed", 3, "hello\nworld\n", "oops\n"), result);
    }

    [Fact]
    public async Task Arguments_reach_the_program_as_they_are()
    {
        var command = new Command("printf", "printf", ["%s|", "two words", "it's \"quoted\"", "$HOME"]);

        var result = await Within.Await(Subprocesses.RunAsync(command), "RunAsync did not finish for printf.");

        Assert.True(result.Output == "two words|it's \"quoted\"|$HOME|",
            $"printf printed <{result.Output}>. Add each argument to ProcessStartInfo.ArgumentList " +
            "instead of joining them into one string: then spaces and quotes need no escaping.");
    }

    [Fact]
    public async Task A_command_that_writes_a_lot_to_both_outputs_does_not_hang()
    {
        // 300 kB to each pipe: far more than a pipe holds, so the command blocks until someone reads.
        var chatty = Sh.Script("chatty",
            "head -c 300000 /dev/zero | tr '\\0' o; head -c 300000 /dev/zero | tr '\\0' e >&2");

        var result = await Within.Await(Subprocesses.RunAsync(chatty),
            "A command that wrote 300 kB to stdout and to stderr never finished. A pipe holds only about 64 kB: " +
            "start reading both outputs before you wait for the exit, and await all three together.");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(300_000, result.Output.Length);
        Assert.Equal(300_000, result.Error.Length);
    }

    [Fact]
    public async Task RunAllAsync_runs_every_command_at_the_same_time()
    {
        const int count = 4;
        using var started = new TempDirectory();
        // Each command marks itself started, then waits until all of them have (at most 10 s).
        // If they run one after another, the first one waits alone and gives up.
        const string barrier = """
            touch "$1/$2"
            tries=0
            while [ "$(ls "$1" | wc -l)" -lt "$3" ]; do
              tries=$((tries + 1))
              if [ "$tries" -ge 200 ]; then
                echo "$2 gave up: only $(ls "$1" | wc -l) of $3 commands had started after 10 s" >&2
                exit 7
              fi
              sleep 0.05
            done
            echo "$2 saw all $3 commands running"
            """;
        var commands = Enumerable.Range(1, count)
            .Select(i => Sh.Script($"command {i}", barrier, started.Path, $"command-{i}", $"{count}"))
            .ToList();

        var running = Subprocesses.RunAllAsync(commands);

        await started.WaitForFiles(count, running,
            "The commands did not all run at the same time: start every command before you await any of them.");
        var results = await Within.Await(running, "RunAllAsync did not finish after all the commands had started.");

        Snapshot.Match(results);
    }

    [Fact]
    public async Task A_failing_command_is_reported_not_swallowed()
    {
        Command[] commands =
        [
            Sh.Script("first", "echo fine"),
            Sh.Script("broken", "echo 'something went wrong' >&2; exit 2"),
            Sh.Script("last", "echo also fine"),
        ];

        var running = Subprocesses.RunAllAsync(commands);

        var outcome = await Within.Outcome(running, "RunAllAsync did not finish for three quick commands.");
        Assert.True(outcome is null, $"RunAllAsync threw {outcome?.GetType().Name}: {outcome?.Message}. " + FailureIsNotAnException);
        var results = await running;

        Assert.True(results.Length == 3,
            $"RunAllAsync returned {results.Length} results for 3 commands: report every command, failed or not.");
        Assert.Equal(new CommandResult("broken", 2, "", "something went wrong\n"), results[1]);
        Assert.Equal(["first", "broken", "last"], results.Select(r => r.Name));
    }

    [Fact]
    public async Task The_total_time_is_close_to_the_slowest_command_not_the_sum()
    {
        // Secondary evidence only, with a wide margin: four one-second commands take about 1 s together.
        var commands = Enumerable.Range(1, 4).Select(i => new Command($"sleeper {i}", "sleep", ["1"])).ToList();
        var clock = Stopwatch.StartNew();

        var results = await Within.Await(Subprocesses.RunAllAsync(commands), "RunAllAsync did not finish for four sleeps.");

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3.5),
            $"Four commands of 1 s each took {clock.Elapsed.TotalSeconds:0.0} s together; run at the same time they take about 1 s.");
    }

    [Fact]
    public async Task Cancelling_stops_the_waiting()
    {
        using var marks = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        // The command writes its process id, then becomes `sleep 60` (exec keeps the id).
        var sleeper = Sh.Script("sleeper", """echo $$ > "$1.tmp"; mv "$1.tmp" "$1/pid"; exec sleep 60""", marks.Path);
        var pids = new List<int>();
        try
        {
            var running = Subprocesses.RunAsync(sleeper, cancel.Token);
            await marks.WaitForFiles(1, running, "The command never started.");
            pids.Add(int.Parse(File.ReadAllText(System.IO.Path.Combine(marks.Path, "pid")).Trim()));

            cancel.Cancel();
            var outcome = await Within.Outcome(running,
                "The caller cancelled, but RunAsync kept waiting for a command that runs for a minute. Pass the token " +
                "on to WaitForExitAsync and to both ReadToEndAsync calls.", TimeSpan.FromSeconds(5));
            Assert.True(outcome is OperationCanceledException,
                $"The caller cancelled, but RunAsync ended with {outcome?.GetType().Name ?? "a result"}, not an OperationCanceledException.");
        }
        finally
        {
            ChildProcesses.KillLeftovers(pids, "sleep");
        }
    }
}
