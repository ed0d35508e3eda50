using System.Collections.Concurrent;

namespace ThreadsAndProcesses.Tests;

// Kata 2: hand-written worker threads over a shared queue (seed cell In [7]).
// Wrong answers these tests reject:
//   - fewer threads than asked for, or one thread doing all the work: the gate needs every worker
//     holding an item at the same moment, so it never opens;
//   - work handed on to thread-pool tasks instead of running on the pool's own threads: the work
//     runs on threads that are not in Workers;
//   - the seed's loop, `while (true) { TryTake(out item, 100ms) ... }`: the workers never end, so
//     WaitForResults never returns (the test gives up after a few seconds) or leaves them running;
//   - WaitForResults that watches the queue (IsCompleted) instead of joining the threads: it returns while
//     a worker is still busy with the last item, and threads are still alive;
//   - two workers taking the same item (a List with a racy index instead of a thread-safe queue):
//     under heavy load, round after round, an item is processed twice or not at all.
public class WorkerPoolTests
{
    private const int Workers = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

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
            // Hold the item until all four workers hold one. An exception thrown on a worker thread
            // would crash the whole test run, so a closed gate is written down instead.
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

        var results = await Within.Run(pool.WaitForResults,
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
        // Two workers that take the same item do it between two of the pool's own instructions, where no gate of
        // the test can reach. So this test makes many chances for it: eight workers and a hundred thousand tiny
        // items, round after round. Time is not the evidence: a thread-safe queue passes every round, while a
        // racy hand-off (a List and a shared index) shows itself within a few rounds and fails.
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

            var results = await Within.Run(pool.WaitForResults,
                $"Round {round}: WaitForResults did not return after Complete.");

            var twice = Enumerable.Range(0, Items).Count(x => taken[x] > 1);
            var never = Enumerable.Range(0, Items).Count(x => taken[x] == 0);
            Assert.True(twice == 0 && never == 0,
                $"Round {round}: of {Items:N0} items, {twice:N0} were taken by two workers and {never:N0} by none. " +
                "Let the workers share a thread-safe queue (BlockingCollection), not a list and an index.");
            Assert.True(results.Count == Items,
                $"Round {round}: WaitForResults returned {results.Count:N0} results for {Items:N0} items. Join every worker " +
                "before collecting the results: a worker may still be finishing its last item when the queue is empty.");
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

        var results = await Within.Run(pool.WaitForResults,
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
        Assert.False(waitForResults.IsCompleted,
            "The workers stopped before Complete was called. An empty queue is not the end: only Complete says there is no more work.");
        var ended = pool.Workers.Count(t => !t.IsAlive);
        Assert.True(ended == 0,
            $"{ended} of {pool.Workers.Count} workers ended before the queue was completed. An empty queue is not the end: " +
            "a worker waits for more items until Complete is called.");

        pool.Add(2);
        pool.Add(3);
        pool.Complete();
        var results = await Within.Await(waitForResults, "WaitForResults did not return after Complete.");

        Snapshot.Match(results.Order().ToList());
    }
}
