// Wrong answer: declares the dead-letter queue but not the task queue's x-dead-letter arguments
// Replaces: TaskQueue.cs
// Found by: blind review
// Why it fails: Without x-dead-letter-exchange and x-dead-letter-routing-key a rejected message simply vanishes; declare the task queue with both arguments.

using RabbitMQ.Client;

namespace Distributed;

public static class TaskQueue
{
    public static async Task DeclareAsync(IChannel channel, string queue, CancellationToken cancellationToken = default)
    {
        await channel.QueueDeclareAsync(Protocol.DeadLetterQueue(queue), durable: true, exclusive: false, autoDelete: false,
            arguments: null, cancellationToken: cancellationToken);
        var arguments = new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = Protocol.DeadLetterQueue(queue),
        };
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: null, cancellationToken: cancellationToken);
    }
}
