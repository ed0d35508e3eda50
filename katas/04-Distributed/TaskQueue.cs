using RabbitMQ.Client;

namespace Distributed;

/// <summary>The work queue every client publishes to and every worker consumes from.</summary>
public static class TaskQueue
{
    /// <summary>
    /// Declares the task queue <paramref name="queue"/> and its dead-letter queue <see cref="Protocol.DeadLetterQueue"/>.
    /// Both are durable (they survive a broker restart). The task queue has the arguments
    /// <c>x-dead-letter-exchange = ""</c> and <c>x-dead-letter-routing-key = DeadLetterQueue(queue)</c>, so a message
    /// that a worker rejects without requeueing moves to the dead-letter queue instead of vanishing.
    /// Declaring is idempotent: clients and workers both call it, in any order.
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint OneTask</c> gives one hint at a time.</remarks>
    public static Task DeclareAsync(IChannel channel, string queue, CancellationToken cancellationToken = default) =>
        throw Todo.Kata();
}
