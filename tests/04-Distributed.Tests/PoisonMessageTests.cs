using RabbitMQ.Client;

namespace Distributed.Tests;

// Kata 5: poison messages. A message that is not a task, and a task that fails every time it runs, both end up
// in the dead-letter queue, the caller of the failing task gets a failure, and the worker keeps serving.
// Wrong answers these tests reject (each is in tests/WrongAnswers/04-Distributed/PoisonMessage):
//   - requeueing poison or every failure (loops for ever), acking poison, no dead-letter arguments on the queue;
//   - no retry, a failure reply before the retry, no failure reply at all, an exception left to escape the handler;
//   - nack with multiple: true (requeues the task running beside it); a Ready that is false for a failed task;
//   - a client that lets a failure reply throw inside its consumer, or a GetAsync that wraps it in AggregateException.
[Collection("Broker")]
public class PoisonMessageTests(BrokerFixture broker)
{
    [Fact]
    public async Task Poison_messages_are_dead_lettered_and_the_worker_carries_on()
    {
        var queue = broker.NewQueue("poison");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        await using var channel = await broker.OpenChannelAsync();

        // Queued before the worker starts, so that one worker with concurrency 1 meets them in this order.
        await channel.BasicPublishAsync("", queue, mandatory: false, new BasicProperties { Persistent = true },
            "this is not a task"u8.ToArray());
        var failing = await Cluster.Send(client, -1);
        var healthy = await Cluster.Send(client, 6);
        await using var worker = Cluster.StartWorker(broker.Uri, queue, concurrency: 1);

        var failure = await Within.Outcome(failing.GetAsync(Within.Default),
            "The task that always fails never reported a failure." + Cluster.Said(worker), Within.Default + TimeSpan.FromSeconds(1));
        Assert.True(failure is TaskFailedException,
            $"The caller of a task that always fails should get a TaskFailedException once the worker gives up, not {failure?.GetType().Name ?? "a result"}. " +
            "Retry a failing task once (requeue), then reject it without requeue and reply with Protocol.EncodeFailure." + Cluster.Said(worker));
        Assert.True(failing.Ready, "Ready was false for a task that had failed: a failure is an answer too, so Ready must be true (Task.IsCompleted, not IsCompletedSuccessfully).");
        var result = await Cluster.ResultOf(healthy,
            "After the poison messages the worker stopped serving: catch what goes wrong in a task, settle the message, and carry on.", worker);

        var deadLetters = Protocol.DeadLetterQueue(queue);
        var counting = Task.Run(async () =>
        {
            while (await channel.MessageCountAsync(deadLetters) < 2)
            {
                await Task.Delay(10);
            }
        });
        await Within.Await(counting,
            $"The dead-letter queue holds {await channel.MessageCountAsync(deadLetters)} message(s), not 2. Reject poison with requeue: false " +
            "on a queue declared with the x-dead-letter arguments (TaskQueue.DeclareAsync).");

        var deadBodies = new List<string>();
        while (await channel.BasicGetAsync(deadLetters, autoAck: true) is { } dead)
        {
            deadBodies.Add($"dead letter: {Protocol.Text(dead.Body)}");
        }
        // The test's own message and the client's tasks travel on different connections: their order may vary.
        Snapshot.Match(new[] { $"healthy task: {Cluster.Scrubbed(result)}", $"failing task: {failure!.Message}" }.Concat(deadBodies.Order()));
    }

    [Fact]
    public async Task A_task_that_fails_once_is_retried_and_its_caller_gets_the_result()
    {
        var queue = broker.NewQueue("poison-retry");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        // fun(2) fails on its first attempt only; fun(1) runs beside it, held until the end.
        var probe = new WorkProbe(fails: (x, attempt) => x == 2 && attempt == 1);
        await using var worker = InProcessWorker.Start(broker.Uri, queue, concurrency: 2, probe);
        var one = await Cluster.Send(client, 1);
        var two = await Cluster.Send(client, 2);
        await probe.WaitUntil(p => p.InFlight == 2, () => $"The worker (concurrency 2) ran {probe.InFlight} task(s) at once, not 2." + worker.Said());
        probe.Release(2);

        var outcome = await Within.Outcome(two.GetAsync(Within.Default),
            "fun(2) failed once and never came back: retry a failing task once (BasicNackAsync with requeue: true)." + worker.Said(),
            Within.Default + TimeSpan.FromSeconds(2));
        Assert.True(outcome is null,
            $"fun(2) failed on its first attempt only, yet its caller got {outcome?.GetType().Name}: {outcome?.Message}. Give a failing task " +
            "one more try (requeue) and tell the caller it failed only when the second attempt (Redelivered) fails too.");
        Assert.Equal(2, probe.Runs(2));

        probe.Release(1);
        Assert.Equal(1, (await Cluster.ResultOf(one, "fun(1), running beside the retried task, never came back." + worker.Said())).X);
        Assert.True(probe.Runs(1) == 1,
            $"fun(1) ran {probe.Runs(1)} times although it never failed: settling fun(2) with multiple: true also requeued fun(1), which was " +
            "still running. Settle each task on its own (multiple: false).");
    }
}
