namespace Distributed.Tests;

// Kata 4: crash safety. A worker process is killed (SIGKILL, no cleanup) while it is in the middle of a task,
// which the test knows from the task's own signal, not from a guess or a sleep. A second worker starts, and from
// the client's side every task still completes, exactly once, with the right result.
// Wrong answers these tests reject:
//   - an auto-ack consumer (autoAck: true): the broker forgets a task as soon as it hands it out, so the tasks the
//     dead worker held are lost and never come back;
//   - acknowledging before the work (BasicAck first, then fun): the task in progress is lost the same way;
//   - no prefetch limit together with auto-ack: every task in the queue goes down with the first worker.
[Collection("Broker")]
public class CrashSafetyTests(BrokerFixture broker)
{
    private const int Tasks = 6;

    [Fact]
    public async Task A_task_whose_worker_is_killed_runs_again_on_another_worker()
    {
        var queue = broker.NewQueue("crash");
        await using var client = await Workers.Connect(broker.Uri, queue);
        var handles = new List<AsyncResult>();
        for (var x = 1; x <= Tasks; x++)
        {
            handles.Add(await Workers.Send(client, x));
        }

        using var hold = new HoldFolder(); // never released: the first worker dies holding its task
        await using var doomed = Workers.Start(broker.Uri, queue, concurrency: 1, hold.Path);
        await hold.WaitUntil(started => started.Count >= 1,
            () => "The first worker never started a task." + Workers.Said(doomed));
        var (heldX, _) = hold.Started()[0];
        var doomedPid = doomed.Pid;
        await Within.Await(doomed.KillAsync(), "The worker process did not die after SIGKILL.");

        await using var survivor = Workers.Start(broker.Uri, queue, concurrency: 2);
        var results = new List<FunResult>();
        foreach (var handle in handles)
        {
            results.Add(await Workers.ResultOf(handle,
                "A task was lost when its worker was killed. Acknowledge a task only after its work is done (autoAck: false, " +
                "BasicAckAsync after fun), so that the broker gives unacknowledged tasks to another worker.", survivor));
        }

        Assert.Equal(Enumerable.Range(1, Tasks), results.Select(result => result.X));
        Assert.DoesNotContain(results, result => result.Pid == doomedPid);
        var rerun = results.Single(result => result.X == heldX);
        Assert.Equal(survivor.Pid, rerun.Pid);
        Snapshot.Match(results.Select(Workers.Scrubbed).Append("the task in progress when the first worker died ran again on the second"));
    }
}
