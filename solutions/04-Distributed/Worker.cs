using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Distributed;

/// <summary>
/// The worker side, what <c>celery worker -c N</c> does: consume tasks from the work queue, run up to
/// <c>concurrency</c> of them at once, reply to each task's sender, and acknowledge a task only after its work
/// is done, so that a worker that dies mid-task loses nothing: the broker gives the task to another worker.
/// </summary>
public static class Worker
{
    /// <summary>
    /// Serves tasks from <paramref name="queue"/> with <paramref name="work"/> until <paramref name="cancellationToken"/> is cancelled.
    /// A task whose body is not a task is dead-lettered at once. A task whose work throws is retried once
    /// (requeued); if it fails again it is dead-lettered and its sender gets a failure reply. Either way the worker carries on.
    /// </summary>
    public static async Task RunAsync(
        Uri broker,
        string queue,
        int concurrency,
        Func<int, CancellationToken, Task<FunResult>> work,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        // consumerDispatchConcurrency: how many deliveries this channel hands to our handler at the same time.
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: (ushort)concurrency),
            cancellationToken);
        await TaskQueue.DeclareAsync(channel, queue, cancellationToken);
        // Prefetch: the broker sends at most this many unacknowledged tasks, so the rest stay in the queue for other workers.
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: (ushort)concurrency, global: false, cancellationToken);

        // Replies and acknowledgements both write to the channel; handlers run concurrently, so they take turns.
        using var writing = new SemaphoreSlim(1, 1);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            // Read everything we need now: delivery.Body is only valid inside this handler.
            var tag = delivery.DeliveryTag;
            var replyTo = delivery.BasicProperties.ReplyTo;
            var taskId = delivery.BasicProperties.CorrelationId;
            if (!Protocol.TryDecodeTask(delivery.Body.Span, out var x))
            {
                await Settle(() => channel.BasicRejectAsync(tag, requeue: false).AsTask()); // poison: dead-letter it
                return;
            }

            byte[] reply;
            try
            {
                reply = Protocol.EncodeResult(await work(x, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return; // shutting down: not acknowledged, so the broker hands the task to another worker
            }
            catch (Exception exception)
            {
                if (!delivery.Redelivered)
                {
                    await Settle(() => channel.BasicNackAsync(tag, multiple: false, requeue: true).AsTask()); // one more try
                    return;
                }
                reply = Protocol.EncodeFailure($"fun({x}) failed twice: {exception.Message}");
                await Settle(async () =>
                {
                    await Reply(replyTo, taskId, reply);
                    await channel.BasicRejectAsync(tag, requeue: false); // dead-letter it
                });
                return;
            }

            // Reply first, acknowledge last: if we die in between, the task runs again (at least once),
            // and the client ignores the second reply (exactly once, as the client sees it).
            await Settle(async () =>
            {
                await Reply(replyTo, taskId, reply);
                await channel.BasicAckAsync(tag, multiple: false);
            });
        };

        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        async Task Settle(Func<Task> write)
        {
            await writing.WaitAsync(CancellationToken.None);
            try
            {
                await write();
            }
            finally
            {
                writing.Release();
            }
        }

        async Task Reply(string? to, string? correlationId, byte[] body)
        {
            if (!string.IsNullOrEmpty(to))
            {
                var properties = new BasicProperties { CorrelationId = correlationId };
                await channel.BasicPublishAsync("", to, mandatory: false, properties, body);
            }
        }
    }
}
