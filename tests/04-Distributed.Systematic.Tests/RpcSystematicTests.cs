using Xunit.Sdk;

namespace Distributed.Tests;

// Systematic tests for kata 3 (Rpc): how TaskClient matches replies to its callers, with Coyote choosing the order of
// every step, on any number of cores and without RabbitMQ. The client is yours, unchanged; only the broker is in
// memory (InMemoryBroker.cs, reached through the given BrokerConnection.OpenAsync), and its worker replies at once.
// Wrong answers they reject (each is in tests/WrongAnswers/04-Distributed/Rpc):
//   - registering the waiting call after publishing: the reply can come back first, and is dropped;
//   - a plain Dictionary of waiting calls, written by the callers while the reply thread reads it (this project's rewrite
//     checks the plain collections: CoyoteDataRaceChecking in the csproj);
//   - a correlation id made from x: two calls with the same x share one waiting entry;
//   - a TaskCompletionSource without RunContinuationsAsynchronously: the caller's code after `await` runs on the
//     client's only reply thread, which delivers no other reply meanwhile.
// Not found here (yet): an id from a `_next++` counter; Coyote did not switch tasks inside that `++` in 600 iterations.
// The broker tests (tests/04-Distributed.Tests, RpcTests) show the same races with a real RabbitMQ.
public class RpcSystematicTests
{
    private static readonly Lesson Lesson = new("Rpc", "04-distributed.dib", "Under the hood: replies by correlation id",
        "tests/04-Distributed.Systematic.Tests");

    private const string Queue = "tasks";

    // uncontrolledBlocking: a client that blocks on its publish (Wait(), GetResult()) waits where Coyote cannot see, and
    // would make every iteration wait out Coyote's default patience (a minute in all). RpcTests rejects that answer; here it
    // only has to be quick. The reference never blocks, so this changes no verdict of these tests.

    [Fact]
    public async Task Three_calls_in_flight_at_once_each_get_their_own_reply()
    {
        await Preflight();
        int[] inputs = [5, 5, 6];
        Systematic.Explore(Lesson, iterations: 60, uncontrolledBlocking: true, test: async steps =>
        {
            using var broker = new InMemoryBroker(steps);
            var client = await TaskClient.ConnectAsync(broker.Uri, Queue);
            try
            {
                var callers = inputs.Select((x, i) => Task.Run(() => Call(client, x, Caller(i), steps))).ToList();
                var handles = await Task.WhenAll(callers);
                await broker.AllRepliesDelivered();
                await CheckReplies(inputs, handles, steps);
            }
            finally
            {
                await client.DisposeAsync();
            }
        });
    }

    [Fact]
    public async Task The_code_after_await_does_not_run_on_the_reply_thread()
    {
        await Preflight();
        Systematic.Explore(Lesson, iterations: 30, uncontrolledBlocking: true, test: async steps =>
        {
            using var broker = new InMemoryBroker(steps);
            var client = await TaskClient.ConnectAsync(broker.Uri, Queue);
            try
            {
                var caller = Task.Run(async () =>
                {
                    var handle = await Call(client, 7, "caller A", steps);
                    steps.Step("caller A", "awaits GetAsync");
                    var result = await handle.GetAsync(TimeSpan.FromSeconds(30));
                    var onReplyThread = InMemoryBroker.InsideReplyHandler;
                    steps.Step("caller A", $"got {result.X}; its code after `await` runs {(onReplyThread ? "INSIDE the reply handler" : "on a thread of its own")}");
                    return onReplyThread;
                });
                var ranOnReplyThread = await caller;
                await broker.AllRepliesDelivered();
                steps.Check(!ranOnReplyThread,
                    "the code after `await handle.GetAsync(...)` ran inside the client's reply handler, on its only reply thread. While it " +
                    "runs, no other reply can be delivered (and if it waits for one, both wait for ever). Create the TaskCompletionSource " +
                    "with TaskCreationOptions.RunContinuationsAsynchronously.",
                    why: "TrySetResult runs whatever awaits the task right there, before it returns, unless the TaskCompletionSource was " +
                         "made with RunContinuationsAsynchronously: then the caller goes on from the thread pool and the reply thread is free.");
            }
            finally
            {
                await client.DisposeAsync();
            }
        });
    }

    private static string Caller(int i) => $"caller {(char)('A' + i)}";

    private static async Task<AsyncResult> Call(TaskClient client, int x, string who, Interleaving steps)
    {
        steps.Step(who, $"calls DelayAsync({x})");
        var handle = await client.DelayAsync(x);
        steps.Step(who, $"DelayAsync({x}) has returned its handle, task id {InMemoryBroker.Short(handle.TaskId)}");
        return handle;
    }

    private static async Task CheckReplies(int[] inputs, AsyncResult[] handles, Interleaving steps)
    {
        var ids = handles.Select(handle => handle.TaskId).ToList();
        steps.Check(ids.Distinct().Count() == ids.Count,
            $"{ids.Count} calls in flight, but only {ids.Distinct().Count()} different task ids ({string.Join(", ", ids.Select(InMemoryBroker.Short))}). " +
            "Give every call a fresh correlation id (Guid.NewGuid()), never one made from x or from a counter that two callers can read at once.",
            why: "two calls waiting under the same id share one entry: the first reply completes one of them and the other waits for ever.");

        for (var i = 0; i < handles.Length; i++)
        {
            steps.Check(handles[i].Ready,
                $"the worker's reply to {Caller(i)}'s fun({inputs[i]}) was handed to the client, but its AsyncResult is still not ready: the " +
                "reply found no waiting call and was dropped. Register the TaskCompletionSource (TryAdd) before you publish.",
                why: "look for the step where the reply thread hands over that reply: it comes before DelayAsync has put the call among the " +
                     "waiting ones. A worker can answer before BasicPublishAsync has returned to DelayAsync.");
            var result = await handles[i].GetAsync(TimeSpan.FromSeconds(30));
            steps.Check(result.X == inputs[i],
                $"{Caller(i)} called fun({inputs[i]}) but received the result of fun({result.X}): match each reply to its call by CorrelationId.");
        }
    }

    // Outside Coyote, once: an untouched stub shows its own message, and a client that opens its connection itself (not
    // through the given BrokerConnection.OpenAsync) is told why these tests cannot reach it.
    private static async Task Preflight()
    {
        using var broker = new InMemoryBroker(new Interleaving());
        var connecting = TaskClient.ConnectAsync(broker.Uri, Queue);
        var failure = await Within.Outcome(connecting, "TaskClient.ConnectAsync did not finish against the in-memory broker.");
        if (failure is NotImplementedException)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        if (broker.ConnectionsOpened == 0)
        {
            throw new XunitException(
                "TaskClient.ConnectAsync did not open its connection with BrokerConnection.OpenAsync (given). These tests put an in-memory " +
                "broker behind it, so that Coyote can try every order of your client's steps; open the connection with " +
                $"BrokerConnection.OpenAsync(broker, name) instead of a ConnectionFactory of your own.{(failure is null ? "" : $" ({failure.GetType().Name}: {failure.Message})")}");
        }
        if (failure is not null)
        {
            throw new XunitException($"TaskClient.ConnectAsync failed against the in-memory broker: {failure.GetType().Name}: {failure.Message}");
        }
        await connecting.Result.DisposeAsync();
    }
}
