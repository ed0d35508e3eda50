// Wrong answer: DeclareAsync purges the task queue, to start from a clean queue
// Replaces: TaskQueue.cs
// Found by: blind review
// Why it fails: Declaring must be idempotent: a worker that starts after the tasks were sent would throw them all away. Only declare; never purge.

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
            arguments: arguments, cancellationToken: cancellationToken);
        await channel.QueuePurgeAsync(queue, cancellationToken);
    }
}
