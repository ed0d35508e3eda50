using System.Collections.Concurrent;

namespace ThreadsAndProcesses.Tests;

// Kata 2: hand-written worker threads over a shared queue (seed cell In [7]).
// Wrong answers these tests reject (tests/WrongAnswers/02-ThreadsAndProcesses/WorkerPool has them all):
//   - fewer threads than asked for, or one thread doing all the work: the gate needs every worker holding an item;
//   - work handed on to thread-pool tasks: the work runs on threads that are not in Workers;
//   - workers that never end (a loop with TryTake and a timeout), or WaitForResults that watches the queue
//     instead of joining the threads;
//   - workers started only by Complete, workers that spin on an empty queue, one queue per worker, a worker
//     that grabs every waiting item at once;
//   - `while (!queue.IsCompleted) queue.Take()`, a plain List for the results, or a failing item thrown out of
//     the worker: an exception escapes a worker thread. EscapedExceptions keeps such an exception from ending the
//     test run, and the test fails with a message instead;
//   - two workers taking the same item (a List with a racy index): under heavy load an item is taken twice or never.
public class WorkerPoolTests
{
    private const int Workers = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public WorkerPoolTests() => EscapedExceptions.Forget();

    [Fact]
    public async Task Every_worker_takes_part_and_every_item_is_processed_exactly_once()
    {
        var probe = new ConcurrencyProbe(gateAt: Workers, Patience);
        var calls = new ConcurrentDictionary<int, int>();
        var threadsThatWorked = new ConcurrentDictionary<int, bool>();
        var problems = new ConcurrentQueue<string>();

        var pool = new WorkerPool<int, int>(Workers, x =>
        {
            threadsThatWorked[Environment.CurrentManagedThreadId] = true;
            calls.AddOrUpdate(x, 1, (_, n) => n + 1);
            // Hold the item until all four workers hold one. A closed gate is written down, not thrown:
            // the pool would keep (or lose) the exception, and this test's message would be lost with it.
            try
            {
                using (probe.Enter())
                {
                    return x * x;
                }
            }
            catch (Xunit.Sdk.XunitException e)
            {
                problems.Enqueue(e.Message);
                return -1;
            }
        });
        foreach (var x in Enumerable.Range(1, 20))
        {
            pool.Add(x);
        }
        pool.Complete();

        var results = await ResultsOf(pool,
            "WaitForResults did not return after Complete. Each worker should loop over queue.GetConsumingEnumerable(), " +
            "which ends once the queue is completed and empty; then Join every worker.");

        Assert.True(problems.IsEmpty, $"Not every worker held an item at the same time: {problems.FirstOrDefault()}");
        Assert.Equal(Workers, pool.Workers.Count);
        Assert.True(threadsThatWorked.Keys.Order().SequenceEqual(pool.Workers.Select(t => t.ManagedThreadId).Order()),
            "The work did not run on exactly the threads in Workers. Create the threads yourself (new Thread) and let each take items from the queue.");
        var repeated = calls.Where(c => c.Value != 1).Select(c => c.Key).ToList();
        Assert.True(repeated.Count == 0, $"These items were processed more than once: {string.Join(", ", repeated)}.");
        Assert.Equal(Enumerable.Range(1, 20).Select(x => x * x), results.Order());
    }

    [Fact]
    public async Task Under_heavy_load_no_item_is_taken_twice_or_lost()
    {
        // Two workers that take the same item, or store their results at the same moment, do it between two of the
        // pool's own instructions, where no gate of the test can reach. So this test makes many chances for it: eight
        // workers and a hundred thousand tiny items, round after round. Time is not the evidence: a thread-safe pool
        // passes every round, while a racy hand-off or a plain List for the results shows itself within a few rounds.
        const int Items = 100_000;
        const int Rounds = 10;
        for (var round = 1; round <= Rounds; round++)
        {
            var taken = new int[Items];
            var pool = new WorkerPool<int, int>(8, x =>
            {
                Interlocked.Increment(ref taken[x]);
                return x;
            });
            for (var x = 0; x < Items; x++)
            {
                pool.Add(x);
            }
            pool.Complete();

            var results = await ResultsOf(pool, $"Round {round}: {NotEnded}", Within.Default);
            var stillRunning = pool.Workers.Count(t => t.IsAlive);
            Assert.True(stillRunning == 0,
                $"Round {round}: WaitForResults returned while {stillRunning} worker(s) were still running. Join every worker " +
                "before collecting the results: a worker may still be finishing its last item when the queue is empty.");

            var twice = Enumerable.Range(0, Items).Count(x => taken[x] > 1);
            var never = Enumerable.Range(0, Items).Count(x => taken[x] == 0);
            Assert.True(twice == 0 && never == 0,
                $"Round {round}: of {Items:N0} items, {twice:N0} were taken by two workers and {never:N0} by none. " +
                "Let the workers share a thread-safe queue (BlockingCollection), not a list and an index.");
            Assert.True(results.Count == Items,
                $"Round {round}: every item was processed, but WaitForResults returned {results.Count:N0} results for {Items:N0} " +
                "items: results were lost while several workers stored theirs at the same moment. A List<T> is not thread-safe: " +
                "keep the results in a ConcurrentQueue<T> (or lock around Add).");
        }
    }

    [Fact]
    public async Task Workers_end_once_the_queue_is_completed()
    {
        // The last item takes a moment, so the queue is already empty while a worker still works on it:
        // only joining the threads (not watching the queue) tells when the work is really done.
        var pool = new WorkerPool<int, int>(Workers, x =>
        {
            if (x == 2)
            {
                Thread.Sleep(200);
            }
            return x + 1;
        });
        pool.Add(1);
        pool.Add(2);
        pool.Complete();

        var results = await ResultsOf(pool,
            "WaitForResults did not return after Complete: the workers are still waiting for items. " +
            "Loop over queue.GetConsumingEnumerable(), which ends once the queue is completed.");

        var alive = pool.Workers.Where(t => t.IsAlive).Select(t => t.Name ?? $"#{t.ManagedThreadId}").ToList();
        Assert.True(alive.Count == 0,
            $"WaitForResults returned while {alive.Count} worker thread(s) were still running. Join every worker before returning.");
        Assert.Equal([2, 3], results.Order());
    }

    [Fact]
    public async Task Workers_wait_for_items_until_the_queue_is_completed()
    {
        var pool = new WorkerPool<int, string>(Workers, x => $"item {x} done");
        pool.Add(1);

        // The queue is not complete yet: a worker waiting for more work must still be there.
        var waitForResults = Task.Run(pool.WaitForResults);
        await Task.Delay(200);
        AssertEveryWorkerStarted(pool);
        Assert.False(waitForResults.IsCompleted,
            "The workers stopped before Complete was called. An empty queue is not the end: only Complete says there is no more work.");
        var ended = pool.Workers.Count(t => !t.IsAlive);
        Assert.True(ended == 0,
            $"{ended} of {pool.Workers.Count} workers ended before the queue was completed. An empty queue is not the end: " +
            "a worker waits for more items until Complete is called.");

        pool.Add(2);
        pool.Add(3);
        pool.Complete();
        var results = await Within.Await(waitForResults, NotEnded);
        EscapedExceptions.AssertNone(Advice);

        Snapshot.Match(results.Order().ToList());
    }

    [Fact]
    public async Task Works_on_items_before_Complete_is_called()
    {
        var worked = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var pool = new WorkerPool<int, int>(Workers, x =>
        {
            worked.TrySetResult(x);
            return x;
        });
        try
        {
            pool.Add(7);
            await Within.Await(worked.Task,
                "An item was added, but no worker took it before Complete was called. Start every worker in the constructor: " +
                "a pool that is fed for a long time must work all along, not only once it is told there is no more.", Patience);
        }
        finally
        {
            pool.Complete();
            await ResultsOf(pool, NotEnded);
        }
    }

    [Fact]
    public async Task Idle_workers_wait_without_using_the_processor()
    {
        // A worker blocked in GetConsumingEnumerable is parked by the operating system (WaitSleepJoin) until an item
        // comes. One that polls an empty queue in a loop keeps running, and a core with it, so it is never seen
        // waiting. Every worker gets time to reach its wait (a busy machine may not run a new thread at once).
        const string Spinning =
            "idle workers kept running while the queue was empty, instead of waiting. Polling an empty queue (TryTake in a " +
            "loop) keeps a core busy doing nothing: loop over queue.GetConsumingEnumerable(), which blocks until an item arrives.";
        var pool = new WorkerPool<int, int>(Workers, x => x);
        try
        {
            await Task.Delay(100);
            Assert.True(pool.Workers.Count == Workers,
                $"The pool was asked for {Workers} workers but has {pool.Workers.Count} threads. Start exactly one thread per worker.");
            AssertEveryWorkerStarted(pool);
            bool Waiting(Thread worker) => worker.ThreadState.HasFlag(ThreadState.WaitSleepJoin);
            await Within.Until(() => pool.Workers.All(Waiting),
                () => $"{pool.Workers.Count(w => !Waiting(w))} of {Workers} {Spinning}", Patience);
        }
        finally
        {
            pool.Complete();
            await ResultsOf(pool, NotEnded);
        }
    }

    [Fact]
    public async Task An_idle_worker_takes_the_next_item_while_another_is_busy()
    {
        // Item 1 is slow: it waits until item 3 is done. With one shared queue, the other worker takes items 2 and 3
        // meanwhile. If items were dealt out to the workers in turn, item 3 would wait behind item 1 for ever.
        var thirdDone = new ManualResetEventSlim();
        var waitedInVain = false;
        var pool = new WorkerPool<int, int>(2, x =>
        {
            if (x == 1 && !thirdDone.Wait(Patience))
            {
                waitedInVain = true;
            }
            if (x == 3)
            {
                thirdDone.Set();
            }
            return x;
        });
        pool.Add(1);
        pool.Add(2);
        pool.Add(3);
        pool.Complete();

        var results = await ResultsOf(pool, NotEnded);

        Assert.False(waitedInVain,
            "Item 3 waited behind a slow item 1 although the other worker was free. Keep one shared queue that every worker " +
            "takes from, one item at a time, so that any idle worker takes the next item.");
        Assert.Equal([1, 2, 3], results.Order());
    }

    [Fact]
    public async Task Each_worker_takes_one_item_at_a_time()
    {
        // Both workers are kept busy (items A and B) while items C and D are queued. Then A is let go: its worker must take
        // only C, so that D is left for the other worker once B is let go too. C waits until D has started. A worker
        // that grabbed C and D together would hold D back behind C, and C would wait in vain.
        var started = new ConcurrentDictionary<string, bool>();
        var releaseA = new ManualResetEventSlim();
        var releaseB = new ManualResetEventSlim();
        var dStarted = new ManualResetEventSlim();
        var waitedInVain = new ConcurrentQueue<string>();
        var pool = new WorkerPool<string, string>(2, item =>
        {
            started[item] = true;
            ManualResetEventSlim? gate = item switch
            {
                "A" => releaseA,
                "B" => releaseB,
                "C" => dStarted,
                _ => null,
            };
            if (item == "D")
            {
                dStarted.Set();
            }
            if (gate is not null && !gate.Wait(Patience))
            {
                waitedInVain.Enqueue(item);
            }
            return item.ToLowerInvariant();
        });
        try
        {
            pool.Add("A");
            pool.Add("B");
            await Within.Until(() => started.ContainsKey("A") && started.ContainsKey("B"),
                "Two workers were idle and two items were queued, but only one item was started. Take one item at a time from " +
                "GetConsumingEnumerable(), so that every idle worker gets a share.", Patience);
            pool.Add("C");
            pool.Add("D");
            releaseA.Set();
            await Within.Until(() => started.ContainsKey("C") || !waitedInVain.IsEmpty,
                "Item A was done, but its worker did not go on with the next item.", Patience);
            releaseB.Set();
        }
        finally
        {
            releaseA.Set();
            releaseB.Set();
            pool.Complete();
        }
        var results = await ResultsOf(pool, NotEnded);

        Assert.True(waitedInVain.IsEmpty,
            "A worker took item C and also item D, the one after it, so D waited behind C while the other worker was free. " +
            "Take one item at a time from GetConsumingEnumerable(): each idle worker then gets the next item.");
        Assert.Equal(["a", "b", "c", "d"], results.Order());
    }

    [Fact]
    public async Task A_failing_item_is_reported_by_WaitForResults_and_the_others_are_still_done()
    {
        var calls = new ConcurrentDictionary<int, bool>();
        var pool = new WorkerPool<int, int>(2, x =>
        {
            calls[x] = true;
            return x == 3 ? throw new InvalidOperationException("item 3 is broken") : x;
        });
        foreach (var x in Enumerable.Range(1, 6))
        {
            pool.Add(x);
        }
        pool.Complete();

        var outcome = await Within.Outcome(ResultsOf(pool, NotEnded),
            NotEnded);
        Unfinished.ThrowIfStub(outcome);

        Assert.True(outcome is not null,
            "work threw for item 3, but WaitForResults returned as if all was well. Keep what work throws (a ConcurrentQueue<Exception>) " +
            "and throw it from WaitForResults in an AggregateException.");
        var inner = outcome is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [outcome];
        Assert.True(inner.Any(e => e is InvalidOperationException { Message: "item 3 is broken" }),
            $"WaitForResults threw {outcome.GetType().Name} ({outcome.Message}), not the exception work threw for item 3.");
        var skipped = Enumerable.Range(1, 6).Where(x => !calls.ContainsKey(x)).ToList();
        Assert.True(skipped.Count == 0,
            $"After item 3 failed, items {string.Join(", ", skipped)} were never worked on. A failing item must not stop its worker: " +
            "catch the exception, keep it, and go on with the next item.");
    }

    private const string NotEnded =
        "WaitForResults did not return after Complete: the workers did not end. Loop over queue.GetConsumingEnumerable(), " +
        "which ends by itself once the queue is completed and empty (a loop with TryTake never ends), then Join every worker.";

    // The advice for an exception that escaped a worker thread.
    private const string Advice =
        "Loop over queue.GetConsumingEnumerable() (Take throws once the queue is completed), keep the results in a thread-safe " +
        "collection such as ConcurrentQueue<T> (List<T>.Add from several threads can throw), and catch what work throws inside " +
        "the worker loop, to throw it later from WaitForResults.";

    // Waits for the results on another thread, with a limit. An exception that escaped a worker thread is the first thing
    // to report: it explains whatever else went wrong (fewer results, a worker that ended early). The limit is Patience
    // (a few tiny items end in milliseconds), so that workers that never end fail each test in 5 s, not 10; the heavy-load
    // test, with a hundred thousand items a round, passes a longer one.
    private static async Task<IReadOnlyList<TResult>> ResultsOf<TInput, TResult>(WorkerPool<TInput, TResult> pool, string ifItHangs, TimeSpan? limit = null)
    {
        IReadOnlyList<TResult> results;
        try
        {
            results = await Within.Run(pool.WaitForResults, ifItHangs, limit ?? Patience);
        }
        catch (Exception)
        {
            EscapedExceptions.AssertNone(Advice);
            throw;
        }
        EscapedExceptions.AssertNone(Advice);
        return results;
    }

    private static void AssertEveryWorkerStarted<TInput, TResult>(WorkerPool<TInput, TResult> pool)
    {
        var unstarted = pool.Workers.Count(t => t.ThreadState.HasFlag(ThreadState.Unstarted));
        Assert.True(unstarted == 0,
            $"{unstarted} of {pool.Workers.Count} workers were never started. Start each thread in the constructor, right after creating it.");
    }
}
