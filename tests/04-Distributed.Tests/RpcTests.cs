namespace Distributed.Tests;

// Kata 3: remote procedure calls. Many calls are in flight at once, and each reply finds its caller by
// correlation id, whatever order the replies come back in. The test decides that order: it releases the
// tasks last-sent first.
// Wrong answers these tests reject:
//   - a client that waits for each result before sending the next task: only one task is ever in flight;
//   - a worker that runs one task at a time (no consumerDispatchConcurrency, or prefetch 1): same;
//   - a client that hands each reply to the oldest caller still waiting (FIFO), ignoring the correlation id:
//     the first caller receives the last task's result;
//   - a worker that does not copy CorrelationId into its reply: no reply finds its caller.
[Collection("Broker")]
public class RpcTests(BrokerFixture broker)
{
    private const int Calls = 8;

    [Fact]
    public async Task Replies_find_their_callers_even_out_of_order()
    {
        var queue = broker.NewQueue("rpc");
        await using var client = await Workers.Connect(broker.Uri, queue);
        using var hold = new HoldFolder();
        await using var worker = WorkerProcess.Start(broker.Uri, queue, concurrency: Calls, hold.Path);

        var handles = new Dictionary<int, AsyncResult>();
        for (var x = 1; x <= Calls; x++)
        {
            handles[x] = await Workers.Send(client, x);
        }
        await hold.WaitUntil(started => started.Count == Calls,
            () => $"Only {hold.Started().Count} of {Calls} calls were in the worker at the same time. Send every task before " +
                  $"waiting for any, and let the worker run {Calls} at once (BasicQos prefetch and consumerDispatchConcurrency)." +
                  Workers.Said(worker));

        var printed = new List<string>();
        for (var x = Calls; x >= 1; x--)
        {
            hold.Release(x);
            var result = await Workers.ResultOf(handles[x],
                $"The caller of fun({x}) got no reply after its task was released. Match each reply to its caller by CorrelationId.", worker);
            Assert.True(result.X == x, $"The caller of fun({x}) received the result of fun({result.X}): match replies by CorrelationId, not by arrival order.");
            var stillWaiting = handles.Where(pair => pair.Key < x && pair.Value.Ready).Select(pair => pair.Key).ToList();
            Assert.True(stillWaiting.Count == 0, $"fun({string.Join(", ", stillWaiting)}) claimed to be ready before its task was released.");
            printed.Add($"released {x}: {Workers.Scrubbed(result)}");
        }

        Snapshot.Match(printed);
    }

    [Fact]
    public async Task Calls_with_the_same_x_in_flight_together_each_get_their_own_reply()
    {
        var queue = broker.NewQueue("rpc-repeated");
        await using var client = await Workers.Connect(broker.Uri, queue);
        var probe = new WorkProbe();
        await using var worker = InProcessWorker.Start(broker.Uri, queue, concurrency: 4, probe);

        int[] inputs = [5, 5, 6, 5];
        var handles = new List<AsyncResult>();
        foreach (var x in inputs)
        {
            handles.Add(await Workers.Send(client, x));
        }
        var ids = handles.Select(handle => handle.TaskId).ToList();
        Assert.True(ids.Distinct().Count() == ids.Count,
            $"Calls with the same x got the same task id ({string.Join(", ", ids)}). Make a fresh correlation id for every call " +
            "(Guid.NewGuid()), never one made from x.");
        await probe.WaitUntil(p => p.InFlight == inputs.Length,
            () => $"Only {probe.InFlight} of {inputs.Length} calls reached the worker at once." + worker.Said());
        probe.ReleaseAll();

        for (var i = 0; i < inputs.Length; i++)
        {
            var result = await Workers.ResultOf(handles[i],
                $"Call {i + 1} (fun({inputs[i]})) never got its reply although fun({inputs[i]}) was sent more than once: each call needs " +
                "its own correlation id and its own entry among the calls waiting for a reply." + worker.Said());
            Assert.Equal(inputs[i], result.X);
        }
    }
}
