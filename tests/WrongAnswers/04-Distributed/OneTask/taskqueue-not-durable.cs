// Wrong answer: declares both queues with durable: false
// Replaces: TaskQueue.cs
// Found by: blind review
// Why it fails: A queue that is not durable disappears, with every task in it, when the broker restarts; declare both queues with durable: true.

using RabbitMQ.Client;

namespace Distributed;

public static class TaskQueue
{
    public static async Task DeclareAsync(IChannel channel, string queue, CancellationToken cancellationToken = default)
    {
        await channel.QueueDeclareAsync(Protocol.DeadLetterQueue(queue), durable: false, exclusive: false, autoDelete: false,
            arguments: null, cancellationToken: cancellationToken);
        var arguments = new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = Protocol.DeadLetterQueue(queue),
        };
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false,
            arguments: arguments, cancellationToken: cancellationToken);
    }
}
