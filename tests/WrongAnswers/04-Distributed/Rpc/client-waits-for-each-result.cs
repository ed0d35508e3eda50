// Wrong answer: DelayAsync waits for the reply before it returns, so the next task is sent only after the previous result
// Replaces: TaskClient.cs
// Found by: test header
// Why it fails: Only one task is ever in flight; return the handle right after publishing and let the caller await the results together.

using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Distributed;

public sealed class TaskClient : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly string _queue;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<FunResult>> _pending = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);

    private TaskClient(IConnection connection, IChannel channel, string queue)
    {
        _connection = connection;
        _channel = channel;
        _queue = queue;
    }

    public static async Task<TaskClient> ConnectAsync(Uri broker, string queue, CancellationToken cancellationToken = default)
    {
        var connection = await BrokerConnection.OpenAsync(broker, $"client PID {Environment.ProcessId}", cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await TaskQueue.DeclareAsync(channel, queue, cancellationToken);
        var client = new TaskClient(connection, channel, queue);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += client.OnReplyAsync;
        await channel.BasicConsumeAsync(Protocol.DirectReplyTo, autoAck: true, consumer, cancellationToken);
        return client;
    }

    private Task OnReplyAsync(object sender, BasicDeliverEventArgs reply)
    {
        if (reply.BasicProperties.CorrelationId is { } id && _pending.TryRemove(id, out var call))
        {
            try
            {
                call.TrySetResult(Protocol.DecodeReply(reply.Body.Span));
            }
            catch (Exception failure)
            {
                call.TrySetException(failure);
            }
        }
        return Task.CompletedTask;
    }

    public async Task<AsyncResult> DelayAsync(int x, CancellationToken cancellationToken = default)
    {
        var id = Guid.NewGuid().ToString("N");
        var call = new TaskCompletionSource<FunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = call;
        try
        {
            await _publishing.WaitAsync(cancellationToken);
            try
            {
                var properties = new BasicProperties { CorrelationId = id, ReplyTo = Protocol.DirectReplyTo, Persistent = true };
                await _channel.BasicPublishAsync("", _queue, mandatory: false, properties, Protocol.EncodeTask(x), cancellationToken);
            }
            finally
            {
                _publishing.Release();
            }
        }
        catch
        {
            _pending.TryRemove(id, out _);
            throw;
        }
        try
        {
            await call.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (Exception)
        {
            // The handle reports it.
        }
        return new AsyncResult(id, call.Task);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var id in _pending.Keys)
        {
            if (_pending.TryRemove(id, out var call))
            {
                call.TrySetException(new ObjectDisposedException(nameof(TaskClient), "The client was disposed before the reply came."));
            }
        }
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
        _publishing.Dispose();
    }
}
