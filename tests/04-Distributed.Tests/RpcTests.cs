namespace Distributed.Tests;

// Kata 3: remote procedure calls. Many calls are in flight at once, and each reply finds its caller by
// correlation id, whatever order the replies come back in. The test decides that order: it releases the
// tasks last-sent first.
// Wrong answers these tests reject (each is in tests/WrongAnswers/04-Distributed/Rpc):
//   - waiting for each result before sending the next task, or a worker that runs one task at a time;
//   - matching replies by arrival order, or by a correlation id made from x (repeated inputs);
//   - registering the waiting call after publishing: a relay holds the publish so that the reply wins the race;
//   - a DelayAsync that blocks on its publish; a channel and consumer per call; a plain Dictionary with no lock.
[Collection("Broker")]
public class RpcTests(BrokerFixture broker)
{
    private const int Calls = 8;

    [Fact]
    public async Task Replies_find_their_callers_even_out_of_order()
    {
        var queue = broker.NewQueue("rpc");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        using var hold = new HoldFolder();
        await using var worker = Cluster.StartWorker(broker.Uri, queue, concurrency: Calls, hold.Path);

        var handles = new Dictionary<int, AsyncResult>();
        for (var x = 1; x <= Calls; x++)
        {
            handles[x] = await Cluster.Send(client, x);
        }
        await hold.WaitUntil(started => started.Count == Calls,
            () => $"Only {hold.Started().Count} of {Calls} calls were in the worker at the same time. Send every task before " +
                  $"waiting for any, and let the worker run {Calls} at once (BasicQos prefetch and consumerDispatchConcurrency)." +
                  Cluster.Said(worker));

        var printed = new List<string>();
        for (var x = Calls; x >= 1; x--)
        {
            hold.Release(x);
            var result = await Cluster.ResultOf(handles[x],
                $"The caller of fun({x}) got no reply after its task was released. Match each reply to its caller by CorrelationId.", worker);
            Assert.True(result.X == x, $"The caller of fun({x}) received the result of fun({result.X}): match replies by CorrelationId, not by arrival order.");
            var stillWaiting = handles.Where(pair => pair.Key < x && pair.Value.Ready).Select(pair => pair.Key).ToList();
            Assert.True(stillWaiting.Count == 0, $"fun({string.Join(", ", stillWaiting)}) claimed to be ready before its task was released.");
            printed.Add($"released {x}: {Cluster.Scrubbed(result)}");
        }

        Snapshot.Match(printed);
    }

    [Fact]
    public async Task Calls_with_the_same_x_in_flight_together_each_get_their_own_reply()
    {
        var queue = broker.NewQueue("rpc-repeated");
        await using var client = await Cluster.Connect(broker.Uri, queue);
        var probe = new WorkProbe();
        await using var worker = InProcessWorker.Start(broker.Uri, queue, concurrency: 4, probe);

        int[] inputs = [5, 5, 6, 5];
        var handles = new List<AsyncResult>();
        foreach (var x in inputs)
        {
            handles.Add(await Cluster.Send(client, x));
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
            var result = await Cluster.ResultOf(handles[i],
                $"Call {i + 1} (fun({inputs[i]})) never got its reply although fun({inputs[i]}) was sent more than once: each call needs " +
                "its own correlation id and its own entry among the calls waiting for a reply." + worker.Said());
            Assert.Equal(inputs[i], result.X);
        }
    }

    [Fact]
    public async Task A_client_uses_one_channel_and_one_reply_consumer_for_all_its_calls()
    {
        var queue = broker.NewQueue("rpc-resources");
        await using var tap = new AmqpTap(broker.Uri);
        await using var client = await Cluster.Connect(tap.Uri, queue);
        var probe = new WorkProbe(hold: false);
        await using var worker = InProcessWorker.Start(broker.Uri, queue, concurrency: 4, probe);
        await Cluster.ResultOf(await Cluster.Send(client, 0), "The first call never came back." + worker.Said());
        var (channels, consumers) = (tap.ChannelsOpened, tap.ConsumersStarted);

        var handles = new List<AsyncResult>();
        for (var x = 1; x <= 20; x++)
        {
            handles.Add(await Cluster.Send(client, x));
        }
        foreach (var handle in handles)
        {
            await Cluster.ResultOf(handle, "A call never came back." + worker.Said());
        }

        Assert.True(tap.ChannelsOpened == channels && tap.ConsumersStarted == consumers,
            $"20 more calls opened {tap.ChannelsOpened - channels} more channel(s) and started {tap.ConsumersStarted - consumers} more " +
            "consumer(s). Open one channel and one reply consumer in ConnectAsync and use them for every call: a channel or consumer per " +
            "call piles up on the client and on the broker.");
    }

    [Fact]
    public async Task A_reply_that_arrives_before_DelayAsync_resumes_still_finds_its_caller()
    {
        var queue = broker.NewQueue("rpc-fast-reply");
        await using var tap = new AmqpTap(broker.Uri);
        await using var client = await Cluster.Connect(tap.Uri, queue);
        var probe = new WorkProbe(hold: false); // answers at once
        await using var worker = InProcessWorker.Start(broker.Uri, queue, concurrency: 4, probe);
        await Cluster.ResultOf(await Cluster.Send(client, 0), "The first call never came back." + worker.Said());

        // The relay stops forwarding what the client sends, so its publishes back up until one has to wait. What
        // DelayAsync does after that await is held back (HeldContext) until the test lets it go, by which time the worker
        // has long answered: only a call registered before it published can receive that answer.
        var context = new HeldContext();
        var calls = new List<Task<AsyncResult>>();
        var returned = 0;
        tap.Pause();
        try
        {
            var filling = context.Call(() =>
            {
                for (var x = 1; x <= 50_000; x++)
                {
                    var call = client.DelayAsync(x);
                    lock (calls)
                    {
                        calls.Add(call);
                    }
                    Interlocked.Increment(ref returned);
                    if (!call.IsCompleted)
                    {
                        break;
                    }
                }
                return 0;
            });
            // One long wait would do, but a watchdog fails faster: each call must return within 2 s of the one before.
            var (seen, since) = (0, DateTime.UtcNow);
            while (!filling.IsCompleted)
            {
                await Task.Delay(50);
                var now = Volatile.Read(ref returned);
                if (now != seen)
                {
                    (seen, since) = (now, DateTime.UtcNow);
                }
                else if (DateTime.UtcNow - since > TimeSpan.FromSeconds(2))
                {
                    Assert.Fail($"DelayAsync({now + 1}) kept its caller's thread for more than 2 s while the connection was busy. Await the " +
                                "publish (and the SemaphoreSlim, with WaitAsync) instead of blocking on them with Wait(), .Result or GetResult().");
                }
            }
            await filling;
        }
        finally
        {
            tap.Resume();
        }
        Assert.True(!calls[^1].IsCompleted, $"The test could not make a publish wait ({calls.Count} calls sent).");

        await probe.WaitUntil(p => p.TotalRuns == calls.Count + 1,
            () => $"The worker ran {probe.TotalRuns - 1} of the {calls.Count} tasks sent." + worker.Said());
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // the replies are back at the client by now
        await Within.Await(context.RunHeld(), "DelayAsync did not finish once it was let go.", TimeSpan.FromSeconds(5));

        for (var i = 0; i < calls.Count; i++)
        {
            var handle = await Within.Await(calls[i], $"DelayAsync({i + 1}) did not finish once it was let go.", TimeSpan.FromSeconds(5));
            var result = await Cluster.ResultOf(handle,
                $"The reply to fun({i + 1}) came back before DelayAsync had registered the call, and was dropped. Add the " +
                "TaskCompletionSource to the pending calls before you publish: the reply can be faster than the publish returns." + worker.Said());
            Assert.Equal(i + 1, result.X);
        }
    }

    [Fact]
    public async Task The_calls_waiting_for_a_reply_are_kept_where_two_threads_can_use_them_at_once()
    {
        await using var client = await Cluster.Connect(broker.Uri, broker.NewQueue("rpc-pending"));
        // Callers add a waiting call while the reply consumer, on another thread, removes one. A plain Dictionary gets
        // corrupted by that only now and then, far too rarely for a test to catch it in the act, so this looks at the
        // client's fields instead: a non-concurrent dictionary needs a lock next to it.
        var fields = typeof(TaskClient).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public);
        var plain = fields.Where(field => field.FieldType.IsGenericType &&
                                          field.FieldType.GetGenericTypeDefinition() is var definition &&
                                          (definition == typeof(Dictionary<,>) || definition == typeof(SortedDictionary<,>)))
            .Select(field => field.Name).ToList();
        var locks = fields.Where(field => field.FieldType == typeof(Lock) || field.FieldType == typeof(object)).ToList();
        Assert.True(plain.Count == 0 || locks.Count > 0,
            $"TaskClient keeps {string.Join(", ", plain)} in a plain Dictionary with no lock beside it. DelayAsync adds to it on the " +
            "caller's thread while the reply consumer removes from it on another: use a ConcurrentDictionary (TryAdd, TryRemove).");
    }
}
