using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

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
    /// When the token is cancelled it takes no new task, waits for the tasks in progress to be replied to and acknowledged
    /// (or to give up: then they stay unacknowledged), and closes; a task it has not started goes back to the queue.
    /// </summary>
    public static async Task RunAsync(
        Uri broker,
        string queue,
        int concurrency,
        Func<int, CancellationToken, Task<FunResult>> work,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        await using var connection = await BrokerConnection.OpenAsync(broker, $"worker PID {Environment.ProcessId}", cancellationToken);
        // consumerDispatchConcurrency: how many deliveries this channel hands to our handler at the same time.
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: false, publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: (ushort)concurrency),
            cancellationToken);
        await TaskQueue.DeclareAsync(channel, queue, cancellationToken);
        // Prefetch: the broker sends at most this many unacknowledged tasks, so the rest stay in the queue for other workers.
        // Twice the concurrency: while a handler replies and acknowledges, its next task is already here, which nearly
        // doubles the rate at concurrency 4 (bench/Distributed.Bench); and a busy worker still holds only a few.
        // (Celery prefetches 4 times its concurrency.) A task held but not started is not acknowledged, so it is safe.
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: (ushort)Math.Min(2 * concurrency, ushort.MaxValue), global: false, cancellationToken);

        // RabbitMQ.Client 7 lets handlers publish and acknowledge on one channel at the same time, without a lock of
        // ours: each call turns its whole command into one buffer and queues it for the connection's single writer,
        // so frames never interleave. (Version 6 and most other clients do not: there, channels must not be shared.)
        var inProgress = new InProgress(cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            using var busy = inProgress.Enter();
            if (cancellationToken.IsCancellationRequested)
            {
                return; // stopping: not started, not acknowledged, so it goes back to the queue when we close
            }
            // Read everything we need now: delivery.Body is only valid inside this handler.
            var tag = delivery.DeliveryTag;
            var replyTo = delivery.BasicProperties.ReplyTo;
            var taskId = delivery.BasicProperties.CorrelationId;
            if (!Protocol.TryDecodeTask(delivery.Body.Span, out var x))
            {
                await channel.BasicRejectAsync(tag, requeue: false); // poison: dead-letter it
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
                    await channel.BasicNackAsync(tag, multiple: false, requeue: true); // one more try
                    return;
                }
                reply = Protocol.EncodeFailure($"fun({x}) failed twice: {exception.Message}");
                await Reply(replyTo, taskId, reply);
                await channel.BasicRejectAsync(tag, requeue: false); // dead-letter it
                return;
            }

            // Reply first, acknowledge last: if we die in between, the task runs again (at least once),
            // and the client ignores the second reply (exactly once, as the client sees it).
            await Reply(replyTo, taskId, reply);
            await channel.BasicAckAsync(tag, multiple: false);
        };

        var consumerTag = await channel.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        // A clean stop: no new deliveries, then wait for the handlers in progress, and only then close. Closing first
        // would make their replies and acknowledgements fail, and finished tasks would run again elsewhere.
        try
        {
            await channel.BasicCancelAsync(consumerTag, noWait: false, CancellationToken.None);
        }
        catch (AlreadyClosedException)
        {
            return; // the broker went away: there is nothing left to acknowledge on this channel
        }
        await inProgress.AllDoneAsync();

        async Task Reply(string? to, string? correlationId, byte[] body)
        {
            if (!string.IsNullOrEmpty(to))
            {
                var properties = new BasicProperties { CorrelationId = correlationId };
                await channel.BasicPublishAsync("", to, mandatory: false, properties, body);
            }
        }
    }

    /// <summary>Counts the handlers in progress, so that a stop can wait for the last one.</summary>
    private sealed class InProgress(CancellationToken stopping)
    {
        private readonly TaskCompletionSource _allDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _count;

        public Leaving Enter()
        {
            Interlocked.Increment(ref _count);
            return new Leaving(this);
        }

        /// <summary>Completes once stopping is asked and no handler is in progress.</summary>
        public Task AllDoneAsync()
        {
            if (Volatile.Read(ref _count) == 0)
            {
                _allDone.TrySetResult();
            }
            return _allDone.Task;
        }

        private void Leave()
        {
            // The last one out after the stop turns off the lights; one that left before the stop is seen by AllDoneAsync.
            if (Interlocked.Decrement(ref _count) == 0 && stopping.IsCancellationRequested)
            {
                _allDone.TrySetResult();
            }
        }

        public readonly struct Leaving(InProgress owner) : IDisposable
        {
            public void Dispose() => owner.Leave();
        }
    }
}
