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
    /// <remarks>
    /// TODO: a connection (<c>BrokerConnection.OpenAsync</c>, given); a channel created with <c>new CreateChannelOptions(false, false, consumerDispatchConcurrency: ...)</c>;
    /// <c>TaskQueue.DeclareAsync</c>; <c>BasicQosAsync(0, prefetchCount, false)</c>; an <c>AsyncEventingBasicConsumer</c> started
    /// with <c>autoAck: false</c>. In its handler: <see cref="Protocol.TryDecodeTask"/> (reject poison without requeue),
    /// run <paramref name="work"/>, publish the reply to <c>ReplyTo</c> with the same <c>CorrelationId</c>, and only then
    /// <c>BasicAckAsync</c>. Handlers run concurrently; RabbitMQ.Client 7 lets them publish and acknowledge on one channel
    /// at the same time. Then wait for the token; on a stop, <c>BasicCancelAsync</c> the consumer, wait until no handler is
    /// in progress (count them), and only then close (a handler that starts after the stop returns without acknowledging).
    /// </remarks>
    public static Task RunAsync(
        Uri broker,
        string queue,
        int concurrency,
        Func<int, CancellationToken, Task<FunResult>> work,
        CancellationToken cancellationToken) =>
        throw Todo.Kata("04-distributed.dib", "Under the hood: a work queue");
}
