using System.Diagnostics;
using Xunit.Abstractions;

namespace Distributed.Tests;

// Crash safety at scale: 1,000 tasks across two workers, one of them killed with SIGKILL in the middle of the run.
// At-least-once execution, exactly-once results: no task is lost, the client gets exactly one result per task, and
// the tasks the dead worker had taken but not acknowledged run again on the other worker, where they are counted.
//
// No timing luck: the doomed worker may finish tasks 1 to 500 and holds any task above 500 (its hold folder has a
// release file for each of 1..500 only). So it does part of the work, then fills its 4 slots with held tasks, and
// is killed once it holds all 4: exactly those 4 run twice. Every run leaves a started-X.PID file, which is how
// the test counts runs. The survivor holds nothing.
[Collection("Broker")]
public class CrashSafetyAtScaleTests(BrokerFixture broker, ITestOutputHelper output)
{
    private const int Tasks = 1000;
    private const int DoomedMayFinish = 500;
    private const int Concurrency = 4;

    [Fact]
    public async Task A_thousand_tasks_lose_none_and_give_one_result_each_when_a_worker_is_killed_mid_run()
    {
        var clock = Stopwatch.StartNew();
        var queue = broker.NewQueue("crash-at-scale");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        using var doomedHold = new HoldFolder();
        for (var x = 1; x <= DoomedMayFinish; x++)
        {
            doomedHold.Release(x);
        }
        using var survivorHold = new HoldFolder();
        survivorHold.ReleaseAll();
        await using var doomed = Cluster.StartWorker(broker.Uri, queue, Concurrency, doomedHold.Path);
        await using var survivor = Cluster.StartWorker(broker.Uri, queue, Concurrency, survivorHold.Path);
        await using (var channel = await broker.OpenChannelAsync())
        {
            await Within.Until(() => channel.QueueDeclarePassiveAsync(queue).GetAwaiter().GetResult().ConsumerCount == 2,
                () => "The two workers never both consumed from the queue." + Cluster.Said(doomed, survivor));
        }

        var handles = await Within.Await(Task.WhenAll(Enumerable.Range(1, Tasks).Select(x => client.DelayAsync(x))),
            $"Sending {Tasks} tasks did not finish.");
        var done = 0;
        var all = Task.WhenAll(handles.Select(async handle =>
        {
            var result = await handle.GetAsync(TimeSpan.FromSeconds(30));
            Interlocked.Increment(ref done);
            return result;
        }));
        await doomedHold.WaitUntil(started => started.Count(task => task.X > DoomedMayFinish) == Concurrency,
            () => $"The first worker never held {Concurrency} tasks at once (prefetch = concurrency)." + Cluster.Said(doomed, survivor));
        var doomedPid = doomed.Pid;
        await Within.Await(doomed.KillAsync(), "The worker process did not die after SIGKILL.");
        var doneAtKill = Volatile.Read(ref done);

        var results = await Within.Await(all,
            "Some tasks never came back after a worker was killed: acknowledge only after the work, so that the broker " +
            "gives the dead worker's unacknowledged tasks to the other one." + Cluster.Said(survivor), TimeSpan.FromSeconds(40));

        var lost = Enumerable.Range(1, Tasks).Except(results.Select(result => result.X)).Count();
        var duplicates = results.Length - results.Select(result => result.X).Distinct().Count();
        var runs = doomedHold.Started().Concat(survivorHold.Started())
            .GroupBy(task => task.X).ToDictionary(group => group.Key, group => group.Select(task => task.Pid).Order().ToList());
        var ranTwice = runs.Where(run => run.Value.Count > 1).Select(run => run.Key).Order().ToList();
        output.WriteLine($"{Tasks} tasks, worker PID {doomedPid} killed after {doneAtKill} results, all in {clock.Elapsed.TotalSeconds:0.0} s:");
        output.WriteLine($"  lost: {lost}; duplicate results at the client: {duplicates}");
        output.WriteLine($"  results from the killed worker: {results.Count(r => r.Pid == doomedPid)}; from the survivor: {results.Count(r => r.Pid == survivor.Pid)}");
        output.WriteLine($"  ran twice (taken by the killed worker, never acknowledged, run again): {ranTwice.Count} ({string.Join(", ", ranTwice)})");

        Assert.Equal(0, lost);
        Assert.Equal(0, duplicates);
        Assert.Contains(results, result => result.Pid == doomedPid); // it did part of the work before it died
        Assert.All(results, result => Assert.Equal(result.X * result.X, result.Square));
        // Exactly the tasks it held ran twice: once on the killed worker, once on the survivor, whose result the client got.
        Assert.Equal(Concurrency, ranTwice.Count);
        Assert.All(ranTwice, x => Assert.Equal(new[] { doomedPid, survivor.Pid }.Order(), runs[x]));
        Assert.All(ranTwice, x => Assert.Equal(survivor.Pid, results.Single(result => result.X == x).Pid));
        Assert.All(runs, run => Assert.True(run.Value.Count <= 2, $"Task {run.Key} ran {run.Value.Count} times; one crash causes at most one rerun."));
    }
}
