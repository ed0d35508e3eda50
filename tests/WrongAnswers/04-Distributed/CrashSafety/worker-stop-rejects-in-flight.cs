// Wrong answer: a worker asked to stop rejects the tasks it is in the middle of, without requeueing them
// Replaces: Worker.cs
// Found by: blind review
// Why it fails: A task interrupted by a stop is not done and did not fail; give it back with BasicNackAsync(requeue: true) so another worker runs it, and close only once the tasks in progress are done, or what they send last is lost.

using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Distributed;

public static class Worker
{
    public static async Task RunAsync(
        Uri broker,
        string queue,
        int concurrency,
        Func<int, CancellationToken, Task<FunResult>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(false, false, consumerDispatchConcurrency: (ushort)concurrency), cancellationToken);
        await TaskQueue.DeclareAsync(channel, queue, cancellationToken);
        await channel.BasicQosAsync(0, (ushort)concurrency, false, cancellationToken);
        using var writing = new SemaphoreSlim(1, 1);

        async Task Write(Func<Task> action)
        {
            await writing.WaitAsync();
            try
            {
                await action();
            }
            finally
            {
                writing.Release();
            }
        }

        async Task Reply(BasicDeliverEventArgs delivery, byte[] body)
        {
            if (delivery.BasicProperties.ReplyTo is { } replyTo)
            {
                var properties = new BasicProperties { CorrelationId = delivery.BasicProperties.CorrelationId };
                await channel.BasicPublishAsync("", replyTo, mandatory: false, properties, body);
            }
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            if (!Protocol.TryDecodeTask(delivery.Body.Span, out var x))
            {
                await Write(() => channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false).AsTask());
                return;
            }
            FunResult result;
            try
            {
                result = await work(x, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Write(() => channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false).AsTask());
                return;
            }
            catch (Exception failure)
            {
                if (!delivery.Redelivered)
                {
                    await Write(() => channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true).AsTask());
                }
                else
                {
                    await Write(async () =>
                    {
                        await Reply(delivery, Protocol.EncodeFailure($"fun({x}) failed twice: {failure.Message}"));
                        await channel.BasicRejectAsync(delivery.DeliveryTag, requeue: false);
                    });
                }
                return;
            }
            await Write(async () =>
            {
                await Reply(delivery, Protocol.EncodeResult(result));
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
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
    }
}
