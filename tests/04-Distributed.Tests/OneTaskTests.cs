using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Distributed.Tests;

// Kata 1: one task, published by a client and run by a worker process (notebook cell In [4]).
// Wrong answers these tests reject (each is in tests/WrongAnswers/04-Distributed/OneTask):
//   - computing fun(x) in the client, or a worker that ignores the work it is given: wrong PID, or never held;
//   - a Ready that is always true, or that waits for the result;
//   - a GetAsync that blocks its caller (Wait, .Result), ignores its timeout, or throws anything but TimeoutException;
//   - a transient queue or message; a task without ReplyTo, or a reply without CorrelationId.
[Collection("Broker")]
public class OneTaskTests(BrokerFixture broker)
{
    [Fact]
    public async Task One_task_comes_back_as_x_its_square_and_the_workers_pid()
    {
        var queue = broker.NewQueue("one-task");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        using var hold = new HoldFolder();
        await using var worker = Cluster.StartWorker(broker.Uri, queue, concurrency: 4, hold.Path);

        var handle = await Cluster.Send(client, 7);
        await hold.WaitUntil(started => started.Count == 1,
            () => "The worker never started the task. Publish it to the task queue, and consume that queue in Worker.RunAsync." + Cluster.Said(worker));
        // Asked on another thread: a Ready that waits for the result would otherwise hang the test run.
        var ready = await Within.Run(() => handle.Ready,
            "Ready did not answer while the worker was still working on the task. Ready must say at once whether the " +
            "result is there (TaskCompletionSource.Task.IsCompleted), never wait for it.", TimeSpan.FromSeconds(5));
        Assert.False(ready, "Ready was true while the worker was still in the middle of the task.");

        hold.ReleaseAll();
        // Poll Ready the way the seed polls result.ready(), with a pause so as not to burn a CPU.
        var polling = Task.Run(async () =>
        {
            while (!handle.Ready)
            {
                await Task.Delay(5);
            }
        });
        await Within.Await(polling, "Ready never became true after the worker finished the task." + Cluster.Said(worker));
        var result = await Cluster.ResultOf(handle, "The result never came back.", worker);

        Assert.Equal(worker.Pid, result.Pid);
        Assert.NotEqual(Environment.ProcessId, result.Pid);
        Snapshot.Match(Cluster.Scrubbed(result));
    }

    [Fact]
    public async Task The_task_is_a_persistent_message_on_a_durable_queue_and_asks_for_a_reply()
    {
        var queue = broker.NewQueue("message");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        var handle = await Cluster.Send(client, 5); // no worker: the message stays in the queue for us to look at

        await using var channel = await broker.OpenChannelAsync();
        var polling = Task.Run(async () =>
        {
            while (true)
            {
                if (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
                {
                    return message;
                }
                await Task.Delay(10);
            }
        });
        var task = await Within.Await(polling, $"No message arrived in the task queue '{queue}'. DelayAsync must publish to it through the default exchange.");

        var lines = new List<string>
        {
            $"body: {Protocol.Text(task.Body)}",
            $"persistent: {task.BasicProperties.Persistent}",
            $"reply to direct reply-to: {task.BasicProperties.ReplyTo?.StartsWith(Protocol.DirectReplyTo, StringComparison.Ordinal)}",
            $"correlation id is the task id: {task.BasicProperties.CorrelationId == handle.TaskId}",
        };
        Assert.True(task.BasicProperties.Persistent, "The task message is not persistent: set Persistent = true in its BasicProperties.");

        // Declaring again with the expected settings succeeds only if the queue was declared with exactly these.
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?>
                {
                    ["x-dead-letter-exchange"] = "",
                    ["x-dead-letter-routing-key"] = Protocol.DeadLetterQueue(queue),
                });
            lines.Add("queue: durable, dead-lettering to " + Protocol.DeadLetterQueue("<queue>"));
        }
        catch (OperationInterruptedException exception)
        {
            Assert.Fail("The task queue was declared with other settings than TaskQueue.DeclareAsync describes " +
                        $"(durable, with the two x-dead-letter arguments). The broker said: {exception.Message}");
        }

        Snapshot.Match(lines);
    }

    [Fact]
    public async Task Ready_and_GetAsync_never_block_and_GetAsync_honours_its_timeout()
    {
        var queue = broker.NewQueue("no-worker");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        var handle = await Cluster.Send(client, 3); // no worker: this task is never answered

        var ready = await Within.Run(() => handle.Ready,
            "Ready did not answer within 1 s while no reply had come. Ready must say at once whether the reply is there " +
            "(Task.IsCompleted), never wait for it.", TimeSpan.FromSeconds(1));
        Assert.False(ready, "Ready was true although no worker had answered the task.");

        // On another thread, so that a GetAsync that blocks its caller fails here instead of hanging the test.
        var calling = Task.Factory.StartNew(() => handle.GetAsync(TimeSpan.FromSeconds(5)),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var waiting = await Within.Await(calling,
            "GetAsync(5 s) kept its caller's thread for more than 1 s. It must hand back a Task at once and let the caller " +
            "await it: await the reply's task with WaitAsync(timeout), never block on it with Wait() or .Result.",
            TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted, "GetAsync(5 s) had already finished although no reply had come.");

        var shortWait = handle.GetAsync(TimeSpan.FromMilliseconds(200));
        // WhenAny never throws, so the TimeoutException we hope for cannot be mistaken for the test's own limit.
        await Within.Await(Task.WhenAny(shortWait),
            "GetAsync(200 ms) was still waiting after 5 s: it must give up when its timeout has passed (WaitAsync(timeout)).",
            TimeSpan.FromSeconds(5));
        var outcome = shortWait.Exception?.InnerException;
        Assert.True(outcome is TimeoutException,
            $"GetAsync(200 ms) without a reply should throw TimeoutException, not {outcome?.GetType().Name ?? "return a result"}. " +
            "Task.WaitAsync(timeout) throws exactly that; a CancellationTokenSource(timeout) would throw TaskCanceledException instead.");
    }
}
