using System.Runtime.InteropServices;
using RabbitMQ.Client;

namespace Distributed.Tests;

// A worker stops cleanly when its input closes, on SIGTERM and on Ctrl+C (SIGINT): it takes no new task (its consumer
// is cancelled, which the broker's consumer count shows), the task in progress finishes and is acknowledged, and it
// exits with code 0 and nothing on stderr. A task that outlasts the grace period gives up and is NOT acknowledged:
// it goes back to the queue for another worker.
[Collection("Broker")]
public class WorkerStopTests(BrokerFixture broker)
{
    public enum Stop { InputCloses, SigTerm, CtrlC }

    [Theory]
    [InlineData(Stop.InputCloses)]
    [InlineData(Stop.SigTerm)]
    [InlineData(Stop.CtrlC)]
    public async Task On_a_stop_the_task_in_progress_finishes_and_the_worker_exits_with_code_0(Stop how)
    {
        if (how != Stop.InputCloses && OperatingSystem.IsWindows())
        {
            return; // Windows has no kill(2) to send a test signal with; closing the input is checked there too.
        }
        var queue = broker.NewQueue("stop");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        using var hold = new HoldFolder();
        await using var worker = Cluster.StartWorker(broker.Uri, queue, concurrency: 2, hold.Path);
        var handle = await Cluster.Send(client, 9);
        await hold.WaitUntil(started => started.Count == 1, () => "The worker never started the task." + Cluster.Said(worker));

        var stopping = how switch
        {
            Stop.InputCloses => worker.StopCleanlyAsync(),
            _ => Signal(worker, how == Stop.SigTerm ? 15 : 2),
        };
        await using var channel = await broker.OpenChannelAsync();
        await Within.Until(() => Consumers(channel, queue) == 0,
            () => "After the stop, the worker still consumes from the queue: it must cancel its consumer (BasicCancelAsync) " +
                  "so that no new task comes, and keep its channel open until the task in progress is done." + Cluster.Said(worker));
        Assert.False(worker.HasExited, "The worker exited while its task was still in progress: wait for it first." + Cluster.Said(worker));

        hold.ReleaseAll();
        var result = await Cluster.ResultOf(handle, "The task in progress when the worker was stopped never came back.", worker);
        await Within.Await(stopping, "The worker did not exit after its last task.", WorkerProcess.Patience);
        await worker.StopCleanlyAsync(); // exit code 0, nothing on stderr

        Assert.Equal((9, 81, worker.Pid), (result.X, result.Square, result.Pid));
        Assert.Equal(0u, (await channel.QueueDeclarePassiveAsync(queue)).MessageCount); // acknowledged: not back in the queue
    }

    [Fact]
    public async Task A_task_that_outlasts_the_grace_period_is_not_acknowledged_and_goes_back_to_the_queue()
    {
        var queue = broker.NewQueue("grace");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        using var hold = new HoldFolder(); // never released during the test
        await using var worker = new TestWorker(WorkerProcess.StartProgram(
            ["worker", "--broker", broker.Uri.ToString(), "--queue", queue, "--concurrency", "1", "--grace", "1", "--hold", hold.Path]));
        var handle = await Cluster.Send(client, 4);
        await hold.WaitUntil(started => started.Count == 1, () => "The worker never started the task." + Cluster.Said(worker));

        await Within.Await(worker.StopCleanlyAsync(), "The worker did not exit once its grace period was over.", WorkerProcess.Patience);

        Assert.False(handle.Ready, "A task that gave up at the end of the grace period still sent a reply.");
        await using var channel = await broker.OpenChannelAsync();
        await Within.Until(() => channel.QueueDeclarePassiveAsync(queue).GetAwaiter().GetResult().MessageCount == 1,
            "The task that did not finish was lost: a task is acknowledged only when its work is done, so one that gives up " +
            "on a stop goes back to the queue.");
    }

    private static uint Consumers(IChannel channel, string queue) =>
        channel.QueueDeclarePassiveAsync(queue).GetAwaiter().GetResult().ConsumerCount;

    private static async Task Signal(TestWorker worker, int signal)
    {
        Assert.Equal(0, kill(worker.Pid, signal));
        await worker.Process.WaitForExitAsync();
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
