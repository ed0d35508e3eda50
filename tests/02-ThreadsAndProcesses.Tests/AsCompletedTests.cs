namespace ThreadsAndProcesses.Tests;

// Kata 3: results in completion order (seed cell In [5]).
// Wrong answers these tests reject (tests/WrongAnswers/02-ThreadsAndProcesses/AsCompleted has them all):
//   - awaiting the jobs in submission order, Task.WhenAll first, or one job at a time;
//   - a failed job skipped, its exception wrapped (.Result), or never reported (ContinueWith on success only hangs);
//   - a thread blocked per job (Task.Run(() => work(x).Result)), or the consumer's thread blocked (Task.WaitAny);
//   - no Task.Run, so a job that works before its first await holds up the start of the others;
//   - the tasks kept as a lazy Select, so every job starts twice;
//   - a thread of its own per call, blocked until the last job is done, even when the caller stopped early;
//   - continuations that add to one List without a lock (continuations-share-a-list): a failed job adds nothing, and the
//     reader waits for ever (the race itself, two adds at once, is not what these tests catch).
// No systematic (Coyote) tests for this kata: Coyote 1.7.11 cannot run the reference. It does not know Task.WhenEach
// (new in .NET 9), and it takes an await on a ValueTask with no Task behind it (WhenEach's MoveNextAsync) for one it
// controls; when WhenEach's continuation then comes from a thread it does not control, it reports a deadlock that is not
// there (tried: within 7 iterations, and also with Systematic's uncontrolledBlocking). A Task.WhenAny loop does run
// under it (when the test awaits MoveNextAsync().AsTask()), but a systematic test must pass every right answer, WhenEach
// first. And ContinueWith, where most racy answers share their state, runs its continuations on thread-pool threads that
// Coyote does not control either. So the tests below are the check. What that leaves: an answer whose only flaw is a race
// between continuations (`results[count] = r; count++;` with nothing else wrong) can pass on one core.
// The test decides which job finishes when, with one TaskCompletionSource per job. Every MoveNextAsync runs on
// another thread with a limit (Step), so an implementation that blocks or hangs fails instead of stopping the run.
public class AsCompletedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Hands_out_results_in_the_order_the_jobs_finish()
    {
        int[] inputs = [10, 11, 12, 13, 14];
        int[] finishOrder = [13, 10, 14, 12, 11];
        var jobs = inputs.ToDictionary(x => x, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        var started = 0;

        var results = AsCompleted.InCompletionOrder(inputs, x =>
        {
            Interlocked.Increment(ref started);
            return jobs[x].Task;
        });
        await using var next = new QuietEnumerator<string>(results.GetAsyncEnumerator());
        var move = Step(next);
        try
        {
            await AllStarted(() => Volatile.Read(ref started), inputs.Length);

            var arrived = new List<string>();
            foreach (var x in finishOrder)
            {
                jobs[x].SetResult($"f({x}) = {x * x}");
                Assert.True(await Within.Await(move,
                    $"Job {x} finished, but its result was not handed out. Yield results as jobs finish (Task.WhenEach), " +
                    "not in the order they were submitted.", Patience));
                arrived.Add(next.Current);
                move = Step(next);
            }
            Assert.False(await Within.Await(move, "The sequence did not end after the last result.", Patience));

            Assert.Equal(finishOrder.Select(x => $"f({x}) = {x * x}"), arrived);
            Assert.Equal(inputs.Length, Volatile.Read(ref started));
            Snapshot.Match(arrived);
        }
        finally
        {
            foreach (var job in jobs.Values)
            {
                job.TrySetResult("");
            }
        }
    }

    [Fact]
    public async Task Hands_out_the_first_finished_result_before_the_others_finish()
    {
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var results = AsCompleted.InCompletionOrder([1, 2, 3], x => x == 3 ? Task.FromResult(9) : slow.Task);
        await using var next = new QuietEnumerator<int>(results.GetAsyncEnumerator());
        var move = Step(next);
        try
        {
            Assert.True(await Within.Await(move,
                "The job for 3 had finished, but the first result only comes after the slow jobs. Do not wait for all the jobs (WhenAll) " +
                "or for the first one submitted.", Patience));
            Assert.Equal(9, next.Current);

            slow.SetResult(0);
            var rest = new List<int>();
            while (await Within.Await(move = Step(next), "The slow jobs finished, but their results did not come.", Patience))
            {
                rest.Add(next.Current);
            }
            Assert.Equal([0, 0], rest);
        }
        finally
        {
            slow.TrySetResult(0);
        }
    }

    [Fact]
    public async Task A_failed_job_passes_its_own_exception_on_when_it_finishes()
    {
        // Job 2 fails first, while the others are still running: its exception is the first thing to come out.
        var jobs = new[] { 1, 2, 3 }.ToDictionary(x => x, _ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        var results = AsCompleted.InCompletionOrder(jobs.Keys.ToArray(), x => jobs[x].Task);
        await using var next = new QuietEnumerator<int>(results.GetAsyncEnumerator());
        try
        {
            var move = Step(next);
            jobs[2].SetException(new InvalidOperationException("job 2 failed"));

            var outcome = await Within.Outcome(move,
                "Job 2 failed, but the sequence neither threw its exception nor went on: the caller waits for ever. A failed task " +
                "comes out of Task.WhenEach like any other, and `yield return await task` throws its exception. Do not skip failed " +
                "jobs, and do not wait only for successful ones (ContinueWith with OnlyOnRanToCompletion).", Patience);
            Unfinished.ThrowIfStub(outcome);

            Assert.True(outcome is not null,
                $"Job 2 failed, but the sequence handed out a result ({next.Current}) instead of its exception. Await each finished task.");
            Assert.True(outcome is InvalidOperationException { Message: "job 2 failed" },
                $"Job 2 failed with InvalidOperationException, but the caller got {outcome.GetType().Name} ({outcome.Message}). " +
                "Await the finished task (yield return await task) instead of reading .Result, which wraps the job's exception.");
        }
        finally
        {
            foreach (var job in jobs.Values)
            {
                job.TrySetResult(0);
            }
        }
    }

    [Fact]
    public async Task Starts_many_waiting_jobs_without_a_thread_for_each()
    {
        // Two hundred jobs, all waiting at once. Waiting costs no thread: each job is a Task that completes later.
        // An implementation that blocks a thread per job (.Result or .Wait() inside Task.Run) needs two hundred
        // threads before the last job can even start, and the thread pool adds threads only slowly.
        const int Jobs = 200;
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        var threadsBefore = ThreadPool.ThreadCount;

        var results = AsCompleted.InCompletionOrder(Enumerable.Range(1, Jobs), x =>
        {
            Interlocked.Increment(ref started);
            return gate.Task;
        });
        await using var next = new QuietEnumerator<int>(results.GetAsyncEnumerator());
        var move = Step(next);
        try
        {
            var blockingAdvice = "If each job blocks a thread while it waits (Task.Run(() => work(x).Result) or .Wait()), the thread pool " +
                                 "runs out of threads: pass the job's task on, Task.Run(() => work(x)), and await it.";
            await Within.Until(() => Volatile.Read(ref started) >= Jobs,
                () => $"Only {Volatile.Read(ref started)} of {Jobs} waiting jobs had started. Start every job before waiting for any. " + blockingAdvice,
                Patience);
            var addedThreads = ThreadPool.ThreadCount - threadsBefore;
            Assert.True(addedThreads < Jobs / 2,
                $"While {Jobs} jobs were waiting, the thread pool grew by {addedThreads} threads: a thread was blocked for each job. " + blockingAdvice);

            gate.SetResult(1);
            var count = 0;
            while (await Within.Await(move, "The jobs finished, but their results did not all come.", Patience))
            {
                count++;
                move = Step(next);
            }
            Assert.Equal(Jobs, count);
        }
        finally
        {
            gate.TrySetResult(1);
        }
    }

    [Fact]
    public async Task A_job_that_computes_before_its_first_await_does_not_hold_up_the_others()
    {
        // Job 1 does its first part synchronously: it keeps its thread until job 2 has started. Called directly on the
        // caller's thread, it would keep job 2 from ever starting; started with Task.Run, both run side by side.
        var secondStarted = new ManualResetEventSlim();
        var waitedInVain = false;
        var results = AsCompleted.InCompletionOrder([1, 2], x =>
        {
            if (x == 2)
            {
                secondStarted.Set();
            }
            else if (!secondStarted.Wait(Patience))
            {
                waitedInVain = true;
            }
            return Task.FromResult(x * 10);
        });
        await using var next = new QuietEnumerator<int>(results.GetAsyncEnumerator());

        var arrived = new List<int>();
        var move = Step(next);
        while (await Within.Await(move, "The sequence did not end after both jobs finished.", Patience * 3))
        {
            arrived.Add(next.Current);
            move = Step(next);
        }

        Assert.False(waitedInVain,
            "Job 1 computes for a while before its first await, and job 2 did not start until job 1 was done with that. " +
            "Calling work(x) directly runs it on your thread up to its first await: start each job with Task.Run(() => work(x)).");
        Assert.Equal([10, 20], arrived.Order());
    }

    [Fact]
    public async Task Waiting_for_the_next_result_does_not_block_the_callers_thread()
    {
        // No job has finished, so the next result is not there yet. MoveNextAsync must hand back a pending task at once
        // (the caller awaits it), not block the thread that called it until a job finishes.
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var results = AsCompleted.InCompletionOrder([1, 2, 3], _ => slow.Task);
        await using var next = new QuietEnumerator<int>(results.GetAsyncEnumerator());
        Task<bool>? move = null;
        var called = Task.Run(() => { move = next.MoveNextAsync(); }); // an Action: the call itself, not the move, is awaited
        try
        {
            await Within.Await(called,
                "MoveNextAsync kept the caller's thread blocked while no job had finished. Do not wait with Task.WaitAny, .Wait() " +
                "or .Result: make InCompletionOrder an async iterator that awaits Task.WhenEach(tasks).", TimeSpan.FromSeconds(3));
            Assert.False(move!.IsCompleted, "MoveNextAsync returned a result although no job had finished.");
        }
        finally
        {
            slow.TrySetResult(1);
        }
        var count = 0;
        while (await Within.Await(move!, "The jobs finished, but their results did not come.", Patience))
        {
            count++;
            move = Step(next);
        }
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task A_caller_that_stops_early_leaves_no_thread_behind()
    {
        // Twenty callers each take the first result and stop, while the other jobs still wait. Waiting for them costs
        // no thread when the method awaits Task.WhenEach; a method that keeps a thread blocked per call (Task.WaitAny on
        // a thread of its own) leaves twenty threads waiting for jobs nobody reads any more.
        const int Calls = 20;
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var threadsBefore = ProcessThreads();
        try
        {
            for (var call = 0; call < Calls; call++)
            {
                var results = AsCompleted.InCompletionOrder([1, 2, 3], x => x == 1 ? Task.FromResult(1) : slow.Task);
                await using var next = new QuietEnumerator<int>(results.GetAsyncEnumerator());
                Assert.True(await Within.Await(Step(next), "The first job had finished, but its result did not come.", Patience));
            }
            await Task.Delay(100);
            var added = ProcessThreads() - threadsBefore;
            Assert.True(added < Calls / 2,
                $"{Calls} callers each stopped after the first result, and this process now has {added} more threads than before: " +
                "each call keeps a thread blocked while its jobs wait. Await Task.WhenEach(tasks) in an async iterator; awaiting " +
                "holds no thread.");
        }
        finally
        {
            slow.TrySetResult(0);
        }
    }

    // How many threads this process has (the operating system's count, so threads of any kind are seen).
    private static int ProcessThreads()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.Threads.Count;
    }

    // Asks for the next result on another thread, so that an implementation that blocks in MoveNextAsync
    // blocks that thread, not the test, and the test's limits still apply.
    private static Task<bool> Step<T>(QuietEnumerator<T> next) => Task.Run(next.MoveNextAsync);

    private static async Task AllStarted(Func<int> started, int jobs)
    {
        await Within.Until(() => started() >= jobs,
            () => $"Only {started()} of {jobs} jobs were started. Submit every job before waiting for any of them.", Patience);
        // Give a second start, if there is one, a moment to show itself.
        await Task.Delay(50);
        Assert.True(started() == jobs,
            $"{jobs} inputs, but work was called {started()} times: some jobs were started twice. A lazy Select runs again each " +
            "time it is enumerated: call ToList() on the tasks so that every job starts exactly once.");
    }
}
