// Wrong answer: the worker consumes with autoAck: true and no prefetch limit
// Replaces: Worker.cs
// Found by: test header
// Why it fails: The broker hands every task to the first worker and forgets them at once, so they all die with it; autoAck: false, a prefetch limit, and ack after the work.

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
                await Task.CompletedTask;
                return;
            }
            FunResult result;
            try
            {
                result = await work(x, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                await Write(() => Reply(delivery, Protocol.EncodeFailure($"fun({x}) failed: {failure.Message}")));
                return;
            }
            await Write(async () =>
            {
                await Reply(delivery, Protocol.EncodeResult(result));
            });
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
