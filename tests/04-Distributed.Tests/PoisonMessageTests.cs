using RabbitMQ.Client;

namespace Distributed.Tests;

// Kata 5: poison messages. A message that is not a task, and a task that fails every time it runs, both end up
// in the dead-letter queue, the caller of the failing task gets a failure, and the worker keeps serving.
// Wrong answers these tests reject:
//   - requeueing on every failure (BasicNack requeue: true): the failing task loops forever, never dead-lettered;
//   - rejecting without dead-letter arguments on the queue: the messages vanish instead of reaching the dead-letter queue;
//   - letting the parse error escape the handler: the message stays unacknowledged and, with prefetch 1, blocks the worker;
//   - dead-lettering without replying: the caller of the failing task waits forever instead of hearing it failed.
[Collection("Broker")]
public class PoisonMessageTests(BrokerFixture broker)
{
    [Fact]
    public async Task Poison_messages_are_dead_lettered_and_the_worker_carries_on()
    {
        var queue = broker.NewQueue("poison");
        await using var client = await Workers.Connect(broker.Uri, queue);
        await using var channel = await broker.OpenChannelAsync();

        // Queued before the worker starts, so that one worker with concurrency 1 meets them in this order.
        await channel.BasicPublishAsync("", queue, mandatory: false, new BasicProperties { Persistent = true },
            "this is not a task"u8.ToArray());
        var failing = await Workers.Send(client, -1);
        var healthy = await Workers.Send(client, 6);
        await using var worker = Workers.Start(broker.Uri, queue, concurrency: 1);

        var failure = await Within.Outcome(failing.GetAsync(Within.Default),
            "The task that always fails never reported a failure." + Workers.Said(worker), Within.Default + TimeSpan.FromSeconds(1));
        Assert.True(failure is TaskFailedException,
            $"The caller of a task that always fails should get a TaskFailedException once the worker gives up, not {failure?.GetType().Name ?? "a result"}. " +
            "Retry a failing task once (requeue), then reject it without requeue and reply with Protocol.EncodeFailure." + Workers.Said(worker));
        var result = await Workers.ResultOf(healthy,
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
        Snapshot.Match(new[] { $"healthy task: {Workers.Scrubbed(result)}", $"failing task: {failure!.Message}" }.Concat(deadBodies.Order()));
    }
}
