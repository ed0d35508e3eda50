// Wrong answer: declares the task queue with autoDelete: true, so that it cleans itself up
// Replaces: TaskQueue.cs
// Found by: blind review
// Why it fails: An auto-delete queue is deleted, with its tasks, when its last worker goes away (for example when it crashes); declare it with autoDelete: false.

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
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true,
            arguments: arguments, cancellationToken: cancellationToken);
    }
}
