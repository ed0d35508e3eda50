using System.Collections.Concurrent;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Distributed.Bench;

/// <summary>
/// The broker's limit from C#: the same messages as the project's queue (a persistent task on a durable queue, a reply
/// over direct reply-to matched by correlation id, a manual ack after the reply), with nothing else: no JSON, no worker
/// process, the "work" done inline, one channel on each side and a prefetch of 64.
/// </summary>
internal sealed class BrokerLimit : IContestant
{
    private readonly IConnection _serverConnection;
    private readonly IConnection _clientConnection;
    private readonly IChannel _client;
    private readonly string _queue;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<int>> _pending = new();

    private BrokerLimit(string name, IConnection serverConnection, IConnection clientConnection, IChannel client, string queue)
    {
        Name = name;
        _serverConnection = serverConnection;
        _clientConnection = clientConnection;
        _client = client;
        _queue = queue;
    }

    public string Name { get; }

    /// <summary>The limit itself is the default (prefetch 64, no confirms); the variants show what each choice costs.</summary>
    public static async Task<BrokerLimit> StartAsync(Uri broker, ushort prefetch = 64, bool confirms = false)
    {
        var name = $"broker's limit (plain RabbitMQ.Client, prefetch {prefetch}{(confirms ? ", publisher confirms" : "")})";
        var queue = $"bench.limit.{Guid.NewGuid():N}";
        var factory = new ConnectionFactory { Uri = broker };

        var serverConnection = await factory.CreateConnectionAsync("bench server");
        var server = await serverConnection.CreateChannelAsync();
        await server.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: true);
        await server.BasicQosAsync(0, prefetch, false);
        var serving = new AsyncEventingBasicConsumer(server);
        serving.ReceivedAsync += async (_, task) =>
        {
            var x = int.Parse(Encoding.ASCII.GetString(task.Body.Span));
            var reply = new BasicProperties { CorrelationId = task.BasicProperties.CorrelationId };
            await server.BasicPublishAsync("", task.BasicProperties.ReplyTo!, false, reply, Encoding.ASCII.GetBytes((x * x).ToString()));
            await server.BasicAckAsync(task.DeliveryTag, multiple: false);
        };
        await server.BasicConsumeAsync(queue, autoAck: false, serving);

        var clientConnection = await factory.CreateConnectionAsync("bench client");
        // With confirms, each publish waits until the broker has taken the message (for a persistent one: written it).
        var client = await clientConnection.CreateChannelAsync(new CreateChannelOptions(confirms, confirms));
        var limit = new BrokerLimit(name, serverConnection, clientConnection, client, queue);
        var replies = new AsyncEventingBasicConsumer(client);
        replies.ReceivedAsync += (_, reply) =>
        {
            if (limit._pending.TryRemove(reply.BasicProperties.CorrelationId!, out var waiting))
            {
                waiting.TrySetResult(int.Parse(Encoding.ASCII.GetString(reply.Body.Span)));
            }
            return Task.CompletedTask;
        };
        await client.BasicConsumeAsync("amq.rabbitmq.reply-to", autoAck: true, replies);
        await limit.RunAsync(500); // warm-up
        return limit;
    }

    public async Task<double> RunAsync(int tasks)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sent = await Task.WhenAll(Enumerable.Range(1, tasks).Select(Send));
        var squares = await Task.WhenAll(sent);
        var seconds = clock.Elapsed.TotalSeconds;
        Check.Squares(squares.Select((square, i) => (i + 1, square)), tasks, Name);
        return seconds;
    }

    public async Task<double> OneCallAsync(int calls)
    {
        var times = new List<double>();
        for (var x = 0; x < calls; x++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await await Send(x);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Stats.Median(times);
    }

    private async Task<Task<int>> Send(int x)
    {
        var id = Guid.NewGuid().ToString("N");
        var waiting = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiting;
        var properties = new BasicProperties { CorrelationId = id, ReplyTo = "amq.rabbitmq.reply-to", Persistent = true };
        await _client.BasicPublishAsync("", _queue, false, properties, Encoding.ASCII.GetBytes(x.ToString()));
        return waiting.Task.WaitAsync(TimeSpan.FromSeconds(120));
    }

    public async ValueTask DisposeAsync()
    {
        await _clientConnection.CloseAsync();
        await _serverConnection.CloseAsync();
        _clientConnection.Dispose();
        _serverConnection.Dispose();
    }
}
