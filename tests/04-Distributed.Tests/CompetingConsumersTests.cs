namespace Distributed.Tests;

// Kata 2: competing consumers. Two worker processes on one queue share the work.
// The tasks are queued before the workers start, and they hold until each worker is in the middle of one, so a
// design where one consumer takes everything fails fast instead of passing by luck.
// Wrong answers these tests reject (each is in tests/WrongAnswers/04-Distributed/CompetingConsumers):
//   - no prefetch limit, or a prefetch larger than the concurrency: one worker takes more than it runs;
//   - one handler at a time, or sizing by Environment.ProcessorCount instead of the concurrency argument;
//   - an exclusive consumer, or a queue per worker; a DeclareAsync that purges the queue.
[Collection("Broker")]
public class CompetingConsumersTests(BrokerFixture broker)
{
    [Fact]
    public async Task Two_workers_each_take_a_share_of_the_tasks()
    {
        var queue = broker.NewQueue("competing");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        // Every task waits in the queue before any worker starts, so a worker without a prefetch limit is sure to be
        // handed all of them the moment it subscribes, leaving none for the other.
        var handles = new List<AsyncResult>();
        for (var x = 1; x <= 4; x++)
        {
            handles.Add(await Cluster.Send(client, x));
        }
        using var hold = new HoldFolder();
        await using var first = Cluster.StartWorker(broker.Uri, queue, concurrency: 1, hold.Path);
        await using var second = Cluster.StartWorker(broker.Uri, queue, concurrency: 1, hold.Path);

        // Each worker runs one task at a time: only when both hold one are two tasks in flight.
        await hold.WaitUntil(started => started.Select(task => task.Pid).Distinct().Count() == 2,
            () => $"Only one worker ever got a task (tasks started: {hold.Started().Count}). With concurrency 1, a worker " +
                  "must take one task at a time (BasicQos prefetch = concurrency), leaving the rest in the queue for the other worker." +
                  Cluster.Said(first, second));
        hold.ReleaseAll();

        var results = new List<FunResult>();
        foreach (var handle in handles)
        {
            results.Add(await Cluster.ResultOf(handle, "A task never came back.", first, second));
        }

        Assert.Equal(new[] { first.Pid, second.Pid }.Order(), results.Select(result => result.Pid).Distinct().Order());
        var ranTwice = hold.Started().GroupBy(task => task.X).Where(runs => runs.Count() > 1).Select(runs => runs.Key).ToList();
        Assert.True(ranTwice.Count == 0,
            $"These tasks ran on more than one worker: {string.Join(", ", ranTwice)}. Competing consumers share one queue, " +
            "so each task goes to exactly one of them.");
        Snapshot.Match(results.Select(Cluster.Scrubbed).Append($"workers that did some of the work: {results.Select(r => r.Pid).Distinct().Count()}"));
    }

    [Fact]
    public async Task A_worker_runs_exactly_its_concurrency_at_once_and_leaves_the_rest_in_the_queue()
    {
        // 3, not a core count: a worker sized by Environment.ProcessorCount instead of its concurrency fails here
        // on a machine with any number of cores.
        const int Concurrency = 3;
        var queue = broker.NewQueue("exact-share");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        var handles = new List<AsyncResult>();
        // A worker may hold a few tasks it has not started (a prefetch of up to twice its concurrency keeps its handlers
        // busy between tasks), but not the whole queue: with 4 x Concurrency queued, at least 2 x Concurrency must stay.
        const int Queued = 4 * Concurrency;
        for (var x = 1; x <= Queued; x++)
        {
            handles.Add(await Cluster.Send(client, x));
        }
        await using var channel = await broker.OpenChannelAsync();
        var probe = new WorkProbe();
        await using var worker = InProcessWorker.Start(broker.Uri, queue, Concurrency, probe);

        await probe.WaitUntil(p => p.InFlight == Concurrency,
            () => $"Only {probe.InFlight} of the {Concurrency} tasks the worker may run at once were running. Run up to 'concurrency' " +
                  "handlers at once (CreateChannelOptions consumerDispatchConcurrency: concurrency) and prefetch as many (BasicQosAsync)." +
                  worker.Said());
        // Give a worker that takes more than its share every chance to show it (the broker hands tasks out within milliseconds).
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var waiting = await channel.MessageCountAsync(queue);
        Assert.True(probe.MostInFlight == Concurrency,
            $"{probe.MostInFlight} tasks ran at once on a worker with concurrency {Concurrency}: use the concurrency argument, " +
            "not the number of cores, for consumerDispatchConcurrency and the prefetch count.");
        Assert.True(waiting >= Queued - 2 * Concurrency,
            $"Only {waiting} of {Queued} tasks were still in the queue while the worker ran {Concurrency}: the worker took far more " +
            "than it can run, so no other worker could have them. Prefetch about 'concurrency' tasks (BasicQosAsync(0, concurrency, false)); " +
            "at most twice as many.");

        probe.ReleaseAll();
        foreach (var handle in handles)
        {
            await Cluster.ResultOf(handle, "A task never came back from the in-process worker." + worker.Said());
        }
    }
}
