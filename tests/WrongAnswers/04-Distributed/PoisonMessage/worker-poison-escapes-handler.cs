// Wrong answer: a message that is not a task makes the handler throw a FormatException
// Replaces: Worker.cs
// Found by: test header
// Why it fails: The exception escapes into the client library and the message is never settled, so it blocks a slot for ever; reject it with requeue: false.

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
                throw new FormatException($"Not a task: {Protocol.Text(delivery.Body)}");
            }
            FunResult result;
            try
            {
                result = await work(x, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Write(() => channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true).AsTask());
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
