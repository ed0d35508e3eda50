// Wrong answer: the TaskCompletionSource of each call is created without RunContinuationsAsynchronously
// Replaces: TaskClient.cs
// Found by: coyote review
// Why it fails: TrySetResult then runs the caller's code after `await` on the client's only reply thread, which delivers no other reply until that code stops; create it with TaskCreationOptions.RunContinuationsAsynchronously.

using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Distributed;

/// <summary>
/// The client side, what Celery's app object does for <c>fun.delay(x)</c> with the rpc:// result backend:
/// it publishes tasks to the work queue and collects their replies over direct reply-to, matching each reply
/// to its task by correlation id (replies come back in whatever order the workers finish).
/// </summary>
public sealed class TaskClient : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    // Tasks sent and not yet answered, by correlation id.
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunResult>> _pending = new();

    private TaskClient(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    /// <summary>Connects to <paramref name="broker"/>, declares the task queue and starts listening for replies.</summary>
    public static async Task<TaskClient> ConnectAsync(Uri broker, string queue, CancellationToken cancellationToken = default)
    {
        var connection = await BrokerConnection.OpenAsync(broker, $"client PID {Environment.ProcessId}", cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await TaskQueue.DeclareAsync(channel, queue, cancellationToken);
        var client = new TaskClient(connection, channel, queue);

        // Direct reply-to: consume from the pseudo-queue (no-ack) on this channel before publishing with ReplyTo set.
        var replies = new AsyncEventingBasicConsumer(channel);
        replies.ReceivedAsync += client.OnReplyAsync;
        await channel.BasicConsumeAsync(Protocol.DirectReplyTo, autoAck: true, replies, cancellationToken);
        return client;
    }

    /// <summary>Sends the task <c>fun(x)</c> and returns at once with a handle to its future result. Celery: <c>fun.delay(x)</c>.</summary>
    public async Task<AsyncResult> DelayAsync(int x, CancellationToken cancellationToken = default)
    {
        var taskId = Guid.NewGuid().ToString("N");
        var result = new TaskCompletionSource<FunResult>();
        _pending[taskId] = result;
        var properties = new BasicProperties
        {
            CorrelationId = taskId,
            ReplyTo = Protocol.DirectReplyTo,
            Persistent = true, // written to disk: survives a broker restart, like the durable queue it sits in
        };
        // Callers may publish from many threads at once: in RabbitMQ.Client 7 a channel allows it (each publish is
        // queued whole for the connection's single writer). Version 6 did not; there callers had to take turns.
        try
        {
            await _channel.BasicPublishAsync("", _queue, mandatory: false, properties, Protocol.EncodeTask(x), cancellationToken);
        }
        catch
        {
            _pending.TryRemove(taskId, out _);
            throw;
        }
        return new AsyncResult(taskId, result.Task);
    }

    private Task OnReplyAsync(object sender, BasicDeliverEventArgs reply)
    {
        // Unknown or already answered ids are ignored: each task completes exactly once.
        if (reply.BasicProperties.CorrelationId is { } taskId && _pending.TryRemove(taskId, out var result))
        {
            try
            {
                result.TrySetResult(Protocol.DecodeReply(reply.Body.Span));
            }
            catch (Exception exception)
            {
                result.TrySetException(exception);
            }
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}
