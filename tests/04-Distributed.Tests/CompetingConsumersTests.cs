namespace Distributed.Tests;

// Kata 2: competing consumers. Two worker processes on one queue share the work.
// The tasks are queued before the workers start, and they hold until each worker is in the middle of one, so a
// design where one consumer takes everything fails fast instead of passing by luck.
// Wrong answers these tests reject:
//   - no prefetch limit (no BasicQos): the first worker grabs every task, the second gets none;
//   - a queue per worker (exclusive or server-named): the tasks reach one worker only, or none;
//   - a client that sends every task to every worker (a fanout exchange): tasks run twice, or are lost.
[Collection("Broker")]
public class CompetingConsumersTests(BrokerFixture broker)
{
    [Fact]
    public async Task Two_workers_each_take_a_share_of_the_tasks()
    {
        var queue = broker.NewQueue("competing");
        await using var client = await Workers.Connect(broker.Uri, queue);
        // Every task waits in the queue before any worker starts, so a worker without a prefetch limit is sure to be
        // handed all of them the moment it subscribes, leaving none for the other.
        var handles = new List<AsyncResult>();
        for (var x = 1; x <= 4; x++)
        {
            handles.Add(await Workers.Send(client, x));
        }
        using var hold = new HoldFolder();
        await using var first = Workers.Start(broker.Uri, queue, concurrency: 1, hold.Path);
        await using var second = Workers.Start(broker.Uri, queue, concurrency: 1, hold.Path);

        // Each worker runs one task at a time: only when both hold one are two tasks in flight.
        await hold.WaitUntil(started => started.Select(task => task.Pid).Distinct().Count() == 2,
            () => $"Only one worker ever got a task (tasks started: {hold.Started().Count}). With concurrency 1, a worker " +
                  "must take one task at a time (BasicQos prefetch = concurrency), leaving the rest in the queue for the other worker." +
                  Workers.Said(first, second));
        hold.ReleaseAll();

        var results = new List<FunResult>();
        foreach (var handle in handles)
        {
            results.Add(await Workers.ResultOf(handle, "A task never came back.", first, second));
        }

        Assert.Equal(new[] { first.Pid, second.Pid }.Order(), results.Select(result => result.Pid).Distinct().Order());
        var ranTwice = hold.Started().GroupBy(task => task.X).Where(runs => runs.Count() > 1).Select(runs => runs.Key).ToList();
        Assert.True(ranTwice.Count == 0,
            $"These tasks ran on more than one worker: {string.Join(", ", ranTwice)}. Competing consumers share one queue, " +
            "so each task goes to exactly one of them.");
        Snapshot.Match(results.Select(Workers.Scrubbed).Append($"workers that did some of the work: {results.Select(r => r.Pid).Distinct().Count()}"));
    }
}
