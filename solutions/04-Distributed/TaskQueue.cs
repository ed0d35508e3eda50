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
    public static async Task DeclareAsync(IChannel channel, string queue, CancellationToken cancellationToken = default)
    {
        var deadLetters = Protocol.DeadLetterQueue(queue);
        await channel.QueueDeclareAsync(deadLetters, durable: true, exclusive: false, autoDelete: false,
            cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?>
            {
                // "" is the default exchange, which routes by queue name: rejected messages go to deadLetters.
                ["x-dead-letter-exchange"] = "",
                ["x-dead-letter-routing-key"] = deadLetters,
            },
            cancellationToken: cancellationToken);
    }
}
