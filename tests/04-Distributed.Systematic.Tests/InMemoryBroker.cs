using System.Reflection;
using RabbitMQ.Client;

namespace Distributed.Tests;

/// <summary>
/// A broker and a worker, in memory, for the systematic tests of your <see cref="TaskClient"/>. Every task the client
/// publishes is answered at once with <c>fun(x)</c>: the reply is handed to the client's reply consumer by a task of
/// its own (the client's reply thread), so it may arrive before <c>BasicPublishAsync</c> has returned to DelayAsync,
/// exactly as a fast worker's reply can. Coyote schedules every step of it, so it tries the orders a real broker
/// makes only now and then.
/// </summary>
/// <remarks>
/// Why a stand-in broker and not a new kata: the races these tests look for live inside TaskClient (register, publish,
/// match the reply), so the tests drive your TaskClient itself, through its public API. The only seam is the given
/// <see cref="BrokerConnection.OpenAsync"/>: for this broker's address it returns an in-memory connection
/// (<see cref="BrokerConnection.StandIns"/>). RabbitMQ.Client's own threads and sockets never run, so nothing escapes
/// Coyote's scheduler. The channel offers what a client needs (declare, consume, publish, close); anything else fails
/// with a message that names it.
/// </remarks>
public sealed class InMemoryBroker : IDisposable
{
    private static int _brokers;

    // One reply at a time, like RabbitMQ.Client's consumer dispatch (one handler at a time per channel by default).
    private readonly SemaphoreSlim _replyThread = new(1, 1);
    private readonly List<Task> _deliveries = [];
    private readonly Interleaving _steps;
    private IAsyncBasicConsumer? _replyConsumer;
    private ulong _deliveryTags;
    private readonly Microsoft.Coyote.Random.Generator _replyOvertakes = Microsoft.Coyote.Random.Generator.Create();

    // Set on the reply thread for exactly as long as the client's reply handler runs on its stack (see InsideReplyHandler).
    [ThreadStatic]
    private static bool _inReplyHandler;

    public InMemoryBroker(Interleaving steps)
    {
        _steps = steps;
        Uri = new Uri($"amqp://guest:guest@127.0.0.1:1/in-memory-{Interlocked.Increment(ref _brokers)}");
        BrokerConnection.StandIns[Uri.AbsoluteUri] = name =>
        {
            ConnectionsOpened++;
            return Proxy<IConnection>(this);
        };
    }

    /// <summary>The address to give <see cref="TaskClient.ConnectAsync"/>. Nothing listens there: it only names this broker.</summary>
    public Uri Uri { get; }

    /// <summary>How many connections the client opened through <see cref="BrokerConnection.OpenAsync"/>.</summary>
    public int ConnectionsOpened { get; private set; }

    /// <summary>The tasks the client published, in order: x and the correlation id it gave them.</summary>
    public List<(int X, string? CorrelationId)> Published { get; } = [];

    /// <summary>True when the calling code runs inside the client's reply handler, on the reply thread's own stack.</summary>
    public static bool InsideReplyHandler => _inReplyHandler;

    /// <summary>Waits until every reply sent so far has been handed to the client's reply handler (and it returned).</summary>
    public async Task AllRepliesDelivered()
    {
        while (true)
        {
            Task[] pending;
            lock (_deliveries)
            {
                pending = [.. _deliveries.Where(delivery => !delivery.IsCompleted)];
            }
            if (pending.Length == 0)
            {
                return;
            }
            await Task.WhenAll(pending);
        }
    }

    public void Dispose() => BrokerConnection.StandIns.TryRemove(Uri.AbsoluteUri, out _);

    /// <summary>A short form of a correlation id for the interleaving told to the learner.</summary>
    public static string Short(string? id) => id is null ? "(none)" : id.Length > 8 ? id[..8] + "…" : id;

    private Task<string> Consume(string queue, IAsyncBasicConsumer consumer)
    {
        if (queue == Protocol.DirectReplyTo)
        {
            _replyConsumer = consumer;
        }
        return Task.FromResult("in-memory-consumer");
    }

    private async ValueTask Publish(string routingKey, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        if (!Protocol.TryDecodeTask(body.Span, out var x))
        {
            return;
        }
        var id = properties.CorrelationId;
        lock (Published)
        {
            Published.Add((x, id));
        }
        _steps.Step("the client", $"publishes fun({x}) to '{routingKey}' with correlation id {Short(id)}");
        if (properties.ReplyTo == Protocol.DirectReplyTo && _replyConsumer is { } consumer)
        {
            // The worker answers at once. Its reply travels on a task of its own, so it can overtake the rest of DelayAsync.
            var reply = Protocol.EncodeResult(new FunResult(x, x * x, 0));
            var handedOver = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var delivery = Task.Run(() => Deliver(consumer, x, id, reply, handedOver));
            lock (_deliveries)
            {
                _deliveries.Add(delivery);
            }
            // Coyote chooses (and the seed remembers) whether this reply is faster than the publish: a worker can answer
            // before BasicPublishAsync has returned to DelayAsync. Then the publish returns only once the reply has reached
            // the client's reply handler (not once the handler is done, so that a handler which waits for the publisher
            // to let go of something does not wait for ever here).
            if (_replyOvertakes.NextBoolean())
            {
                _steps.Step("the worker", $"answers fun({x}) so fast that the reply comes back before BasicPublishAsync has returned");
                await handedOver.Task;
            }
        }
        // Writing to the socket takes a moment: DelayAsync resumes only after this.
        await Task.Yield();
    }

    private async Task Deliver(IAsyncBasicConsumer consumer, int x, string? id, byte[] reply, TaskCompletionSource handedOver)
    {
        await _replyThread.WaitAsync();
        try
        {
            _steps.Step("the reply thread", $"hands the reply to fun({x}) (correlation id {Short(id)}) to the client's reply handler");
            var properties = new BasicProperties { CorrelationId = id };
            Task handled;
            handedOver.TrySetResult();
            _inReplyHandler = true;
            try
            {
                handled = consumer.HandleBasicDeliverAsync("in-memory-consumer", ++_deliveryTags, redelivered: false, "",
                    Protocol.DirectReplyTo, properties, reply, CancellationToken.None);
            }
            finally
            {
                _inReplyHandler = false;
            }
            await handled;
            _steps.Step("the reply thread", $"the reply handler has returned (reply to fun({x}))");
        }
        finally
        {
            _replyThread.Release();
        }
    }

    private static T Proxy<T>(InMemoryBroker broker)
        where T : class
    {
        var proxy = DispatchProxy.Create<T, Stand>();
        ((Stand)(object)proxy).Broker = broker;
        return proxy;
    }

    /// <summary>The connection and its channel: one class answers the calls of both interfaces.</summary>
    public class Stand : DispatchProxy
    {
        internal InMemoryBroker Broker { get; set; } = null!;

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(method);
            args ??= [];
            return method.Name switch
            {
                "CreateChannelAsync" => Task.FromResult(Proxy<IChannel>(Broker)),
                "QueueDeclareAsync" or "QueueDeclarePassiveAsync" => Task.FromResult(new QueueDeclareOk((string)args[0]!, 0, 0)),
                "BasicConsumeAsync" => Broker.Consume((string)args[0]!, (IAsyncBasicConsumer)args[6]!),
                "BasicPublishAsync" => Broker.Publish(args[1]?.ToString() ?? "", (IReadOnlyBasicProperties)args[3]!, (ReadOnlyMemory<byte>)args[4]!),
                "BasicQosAsync" or "BasicAckAsync" or "BasicNackAsync" or "BasicRejectAsync" or "BasicCancelAsync" or "CloseAsync"
                    or "ExchangeDeclareAsync" or "QueueBindAsync" or "Dispose" or "DisposeAsync" => Completed(method.ReturnType),
                "get_IsOpen" => true,
                "get_IsClosed" => false,
                "get_ChannelNumber" => 1,
                "get_ClientProvidedName" => "in-memory",
                _ when method.Name.StartsWith("add_", StringComparison.Ordinal) || method.Name.StartsWith("remove_", StringComparison.Ordinal) => null,
                _ when method.Name.StartsWith("get_", StringComparison.Ordinal) => Default(method.ReturnType),
                _ => throw new NotSupportedException(
                    $"{method.DeclaringType?.Name}.{method.Name}: the in-memory broker of the systematic tests offers what a client needs " +
                    "(declare a queue, consume, publish, close), not this."),
            };
        }

        private static object? Completed(Type type) =>
            type == typeof(void) ? null
            : type == typeof(Task) ? Task.CompletedTask
            : type == typeof(ValueTask) ? ValueTask.CompletedTask
            : throw new NotSupportedException($"the in-memory broker cannot answer a call that returns {type.Name}");

        private static object? Default(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
    }
}
