namespace Distributed.Tests;

// Kata 4: crash safety. A worker process is killed (SIGKILL, no cleanup) while it is in the middle of a task,
// which the test knows from the task's own signal, not from a guess or a sleep. A second worker starts, and from
// the client's side every task still completes, exactly once, with the right result.
// Wrong answers these tests reject (each is in tests/WrongAnswers/04-Distributed/CrashSafety):
//   - auto-ack (with or without a prefetch limit), or acknowledging before the work: the tasks in progress are lost;
//   - acknowledging with multiple: true: it settles the tasks still running beside it;
//   - an auto-delete task queue; skipping redelivered tasks as "probably done";
//   - a worker stopped mid-task that rejects, dead-letters, or reports the task as failed instead of giving it back;
//   - a worker that closes its channel on a stop without waiting for the task in progress (the last test: whatever
//     that task sends last would be lost, so the verdict on the answers above would depend on which side wins the race).
[Collection("Broker")]
public class CrashSafetyTests(BrokerFixture broker)
{
    private const int Tasks = 6;

    [Fact]
    public async Task A_task_whose_worker_is_killed_runs_again_on_another_worker()
    {
        var queue = broker.NewQueue("crash");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        var handles = new List<AsyncResult>();
        for (var x = 1; x <= Tasks; x++)
        {
            handles.Add(await Cluster.Send(client, x));
        }

        using var hold = new HoldFolder(); // never released: the first worker dies holding its task
        await using var doomed = Cluster.StartWorker(broker.Uri, queue, concurrency: 1, hold.Path);
        await hold.WaitUntil(started => started.Count >= 1,
            () => "The first worker never started a task." + Cluster.Said(doomed));
        var (heldX, _) = hold.Started()[0];
        var doomedPid = doomed.Pid;
        await Within.Await(doomed.KillAsync(), "The worker process did not die after SIGKILL.");

        await using var survivor = Cluster.StartWorker(broker.Uri, queue, concurrency: 2);
        var results = new List<FunResult>();
        foreach (var handle in handles)
        {
            results.Add(await Cluster.ResultOf(handle,
                "A task was lost when its worker was killed. Acknowledge a task only after its work is done (autoAck: false, " +
                "BasicAckAsync after fun), so that the broker gives unacknowledged tasks to another worker.", survivor));
        }

        Assert.Equal(Enumerable.Range(1, Tasks), results.Select(result => result.X));
        Assert.DoesNotContain(results, result => result.Pid == doomedPid);
        var rerun = results.Single(result => result.X == heldX);
        Assert.Equal(survivor.Pid, rerun.Pid);
        Snapshot.Match(results.Select(Cluster.Scrubbed).Append("the task in progress when the first worker died ran again on the second"));
    }

    [Fact]
    public async Task Finishing_one_task_does_not_acknowledge_the_tasks_still_running_beside_it()
    {
        var queue = broker.NewQueue("crash-multiple");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        var one = await Cluster.Send(client, 1);
        var two = await Cluster.Send(client, 2);
        var three = await Cluster.Send(client, 3);

        using var hold = new HoldFolder();
        await using var doomed = Cluster.StartWorker(broker.Uri, queue, concurrency: 2, hold.Path);
        await hold.WaitUntil(started => started.Count == 2,
            () => $"The worker (concurrency 2) started {hold.Started().Count} task(s), not 2." + Cluster.Said(doomed));
        hold.Release(2);
        Assert.Equal(2, (await Cluster.ResultOf(two, "fun(2) never came back after it was released.", doomed)).X);
        // Task 3 can start only once the broker has the acknowledgement of task 2 (prefetch 2): so now it has.
        await hold.WaitUntil(started => started.Any(task => task.X == 3),
            () => "The worker did not take the third task after finishing the second." + Cluster.Said(doomed));
        await Within.Await(doomed.KillAsync(), "The worker process did not die after SIGKILL.");

        await using var survivor = Cluster.StartWorker(broker.Uri, queue, concurrency: 2);
        foreach (var (handle, x) in new[] { (one, 1), (three, 3) })
        {
            var result = await Cluster.ResultOf(handle,
                $"fun({x}) was lost when its worker was killed, although it was still running. Acknowledge each task on its own " +
                "(BasicAckAsync(tag, multiple: false)): multiple: true also acknowledges every earlier task of the channel, " +
                "including the ones other handlers are still working on.", survivor);
            Assert.Equal(survivor.Pid, result.Pid);
        }
    }

    [Fact]
    public async Task A_worker_stopped_in_the_middle_of_a_task_gives_it_back()
    {
        var queue = broker.NewQueue("crash-stop");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        // The first attempt fails, so the task the worker is in the middle of when it stops is a second try (Redelivered):
        // a worker that counts the stop as a failure gives up on it right there.
        var probe = new WorkProbe(fails: (_, attempt) => attempt == 1);
        var stopping = InProcessWorker.Start(broker.Uri, queue, concurrency: 1, probe);
        var handle = await Cluster.Send(client, 4);
        await probe.WaitUntil(p => p.Runs(4) == 2 && p.InFlight == 1,
            () => $"fun(4) ran {probe.Runs(4)} time(s); a task that failed once should be tried again (requeue)." + stopping.Said());
        // The polite stop: the token is cancelled, and fun(4) sees the cancellation in the middle of its work.
        await stopping.DisposeAsync();

        await using var next = InProcessWorker.Start(broker.Uri, queue, concurrency: 1, new WorkProbe(hold: false));
        var get = handle.GetAsync(Within.Default);
        await Within.Await(Task.WhenAny(get),
            "The task was lost when its worker was stopped in the middle of it: give it back instead (leave it unacknowledged, " +
            "or BasicNackAsync with requeue: true), so that the next worker runs it." + next.Said(), Within.Default + TimeSpan.FromSeconds(2));
        var what = get.Exception?.InnerException is TimeoutException
            ? "the task never came back (rejected or dead-lettered)"
            : $"its caller was told it failed ({get.Exception?.InnerException?.Message})";
        Assert.True(get.IsCompletedSuccessfully,
            $"A worker was asked to stop while it ran a task, and {what}. " +
            "A stop is not the task's fault: when your token is cancelled, give the task back (leave it unacknowledged, or " +
            "BasicNackAsync with requeue: true), never reject it, dead-letter it or reply with a failure.");
        Assert.Equal(4, (await get).X);
        await using var channel = await broker.OpenChannelAsync();
        Assert.Equal(0u, await channel.MessageCountAsync(Protocol.DeadLetterQueue(queue)));
    }

    [Fact]
    public async Task A_stopped_worker_closes_only_after_the_task_in_progress_has_given_up()
    {
        var queue = broker.NewQueue("crash-stop-order");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        // The worker talks to the broker through the tap, which sees, in order, what it sends: basic.cancel, channel.close.
        await using var tap = new AmqpTap(broker.Uri);
        // fun(5) sees the stop but gives up only when the test says so: until then it is still in progress.
        var probe = new WorkProbe(holdStops: true);
        var stopping = InProcessWorker.Start(tap.Uri, queue, concurrency: 1, probe);
        var handle = await Cluster.Send(client, 5);
        await probe.WaitUntil(p => p.InFlight == 1, () => "The worker never started fun(5)." + stopping.Said());

        var stopped = stopping.StopAsync();
        await probe.WaitUntil(p => p.Stopping == 1,
            () => "fun(5) never saw the stop: pass the RunAsync cancellation token on to the work." + stopping.Said());
        try
        {
            // Right: cancel the consumer, then wait for fun(5). Wrong: close at once. Each shows up as a frame the worker sends.
            await Within.Until(() => tap.ConsumersCancelled > 0 || tap.Closes > 0 || stopping.Returned,
                () => "After the stop, the worker neither cancelled its consumer nor closed: cancel it (BasicCancelAsync), " +
                      "so that no new task comes, then wait for the tasks in progress." + stopping.Said());
            Assert.True(tap.Closes == 0 && !stopping.Returned,
                "Your worker closed its channel while a task was still in progress after the stop, so whatever that task sends " +
                "last (its reply, its acknowledgement or its nack) never reaches the broker. On a stop, cancel the consumer " +
                "(BasicCancelAsync), wait for the tasks in progress to finish (count them and await the last one), and only then close.");
        }
        finally
        {
            probe.ReleaseStops(); // fun(5) gives up now (or, after a failure, does not linger)
        }
        await stopped;
        await using var next = InProcessWorker.Start(broker.Uri, queue, concurrency: 1, new WorkProbe(hold: false));
        var result = await Cluster.ResultOf(handle,
            "The task was lost when its worker was stopped in the middle of it: give it back instead (leave it unacknowledged, " +
            "or BasicNackAsync with requeue: true), so that the next worker runs it." + next.Said());
        Assert.Equal(25, result.Square);
    }
}
