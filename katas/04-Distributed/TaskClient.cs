namespace Distributed;

/// <summary>
/// The client side, what Celery's app object does for <c>fun.delay(x)</c> with the rpc:// result backend:
/// it publishes tasks to the work queue and collects their replies over direct reply-to, matching each reply
/// to its task by correlation id (replies come back in whatever order the workers finish).
/// </summary>
/// <remarks>
/// TODO: keep a connection and a channel; a <c>ConcurrentDictionary</c> of the tasks still waiting for a reply,
/// by correlation id (each a <c>TaskCompletionSource&lt;FunResult&gt;</c> created with
/// <c>RunContinuationsAsynchronously</c>). Callers may call <c>DelayAsync</c> from many threads at once; in RabbitMQ.Client 7
/// one channel may publish from several threads, so no lock is needed (version 6 needed one).
/// </remarks>
public sealed class TaskClient : IAsyncDisposable
{
    private TaskClient()
    {
    }

    /// <summary>Connects to <paramref name="broker"/>, declares the task queue and starts listening for replies.</summary>
    /// <remarks>
    /// TODO: <c>BrokerConnection.OpenAsync(broker, name)</c> (given: it fails with a clear <see cref="BrokerUnavailableException"/>
    /// when there is no broker), then <c>CreateChannelAsync()</c>,
    /// <c>TaskQueue.DeclareAsync</c>, and an <c>AsyncEventingBasicConsumer</c> on <see cref="Protocol.DirectReplyTo"/>
    /// with <c>autoAck: true</c>, started before the first publish. Its <c>ReceivedAsync</c> handler finds the waiting task by
    /// <c>BasicProperties.CorrelationId</c> and completes it with <see cref="Protocol.DecodeReply"/>.
    /// </remarks>
    public static Task<TaskClient> ConnectAsync(Uri broker, string queue, CancellationToken cancellationToken = default) =>
        throw Todo.Kata("04-distributed.dib", "Under the hood: replies by correlation id");

    /// <summary>Sends the task <c>fun(x)</c> and returns at once with a handle to its future result. Celery: <c>fun.delay(x)</c>.</summary>
    /// <remarks>
    /// TODO: a new id; register the waiting task under it first (the reply can be faster than you think); then
    /// <c>BasicPublishAsync("", queue, ...)</c> with <c>BasicProperties { CorrelationId, ReplyTo = Protocol.DirectReplyTo,
    /// Persistent = true }</c> and <see cref="Protocol.EncodeTask"/>.
    /// </remarks>
    public Task<AsyncResult> DelayAsync(int x, CancellationToken cancellationToken = default) =>
        throw Todo.Kata("04-distributed.dib", "Under the hood: replies by correlation id");

    public ValueTask DisposeAsync() =>
        throw Todo.Kata("04-distributed.dib", "Under the hood: replies by correlation id");
}
