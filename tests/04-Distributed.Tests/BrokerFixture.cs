using Broker;
using RabbitMQ.Client;

namespace Distributed.Tests;

/// <summary>
/// One broker for the whole test run (starting one takes seconds), shared by every test class in the
/// "Broker" collection. Each test gets its own queue names, so tests cannot see each other's messages.
/// </summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private readonly List<string> _queues = [];
    private RabbitBroker? _broker;
    private IConnection? _connection;

    public Uri Uri => _broker?.Uri ?? throw new InvalidOperationException("The broker has not started.");

    public async Task InitializeAsync()
    {
        _broker = await RabbitBroker.StartAsync();
        _connection = await new ConnectionFactory { Uri = _broker.Uri }.CreateConnectionAsync();
    }

    /// <summary>A fresh queue name for one test; its queues are deleted when the run ends.</summary>
    public string NewQueue(string test)
    {
        var name = $"katas.{test}.{Guid.NewGuid():N}"[..40];
        lock (_queues)
        {
            _queues.Add(name);
        }
        return name;
    }

    /// <summary>A channel of the test's own, to look at queues from outside the code under test.</summary>
    public Task<IChannel> OpenChannelAsync() =>
        (_connection ?? throw new InvalidOperationException("The broker has not started.")).CreateChannelAsync();

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            // Only matters for a broker of your own (RABBITMQ_URI): a private one is thrown away anyway.
            await using (var channel = await _connection.CreateChannelAsync())
            {
                foreach (var queue in _queues)
                {
                    await channel.QueueDeleteAsync(queue);
                    await channel.QueueDeleteAsync(Protocol.DeadLetterQueue(queue));
                }
            }
            await _connection.CloseAsync();
            _connection.Dispose();
        }
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }
}

[CollectionDefinition("Broker")]
public sealed class BrokerCollection : ICollectionFixture<BrokerFixture>;
