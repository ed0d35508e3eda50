namespace Broker;

/// <summary>
/// A RabbitMQ broker for the section 4 tests and notebook. <see cref="StartAsync"/> takes the first broker it finds,
/// in the order of <see cref="SearchOrder"/>, and otherwise fails with a message that says how to get one.
/// Dispose it to stop what it started.
/// </summary>
public sealed class RabbitBroker : IAsyncDisposable
{
    public const string UriVariable = "RABBITMQ_URI";

    // The one place that orders the strategies. The README and CONTRIBUTING quote SearchOrder word for word
    // (tests/Repository.Tests/BrokerSearchOrderTests.cs checks them).
    private static readonly Strategy[] Strategies =
    [
        new($"the `{UriVariable}` environment variable, if set (for example `amqp://guest:guest@127.0.0.1:5672/`)",
            $"run a broker yourself and set {UriVariable}, e.g. {UriVariable}=amqp://guest:guest@127.0.0.1:5672/",
            FromEnvironmentAsync),
        new("otherwise a throwaway `rabbitmq:4-management` container through Testcontainers, if Docker is running",
            "start Docker: the tests then run the rabbitmq:4-management image through Testcontainers",
            DockerBroker.TryStartAsync),
        new("otherwise a private `rabbitmq-server` started by the tests on free loopback ports, if it is installed",
            "install RabbitMQ's server so that rabbitmq-server is on the PATH (Debian/Ubuntu: sudo apt-get install rabbitmq-server);\n" +
            "     the tests start a private copy on free loopback ports and stop it afterwards",
            LocalServer.TryStartAsync),
    ];

    private readonly Func<ValueTask> _stop;
    private int _stopped;

    internal RabbitBroker(Uri uri, string description, Func<ValueTask> stop)
    {
        Uri = uri;
        Description = description;
        _stop = stop;
    }

    /// <summary>Where <see cref="StartAsync"/> looks for a broker, in order, as the README says it.</summary>
    public static IReadOnlyList<string> SearchOrder { get; } = Strategies.Select(strategy => strategy.Where).ToList();

    /// <summary>The AMQP address to connect to, user and password included.</summary>
    public Uri Uri { get; }

    /// <summary>Where the broker came from, for logs and notebook output (no ports, so it prints the same every time).</summary>
    public string Description { get; }

    public static async Task<RabbitBroker> StartAsync(CancellationToken cancellationToken = default)
    {
        // What each strategy tried and why it gave up, for the message below.
        var notes = new List<string>();
        foreach (var strategy in Strategies)
        {
            if (await strategy.TryStartAsync(notes, cancellationToken) is { } broker)
            {
                return broker;
            }
        }
        throw new InvalidOperationException(
            "These exercises need a RabbitMQ broker, and none was found. Any one of these works:\n" +
            string.Concat(Strategies.Select((strategy, index) => $"  {index + 1}. {strategy.HowToGetOne}\n")) +
            "What was tried:\n  - " + string.Join("\n  - ", notes));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _stop();
        }
    }

    // The first choice: a broker you run yourself. Once named, it must answer; the others are not tried.
    private static async Task<RabbitBroker?> FromEnvironmentAsync(List<string> notes, CancellationToken cancellationToken)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(UriVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            notes.Add($"{UriVariable} is not set");
            return null;
        }
        var uri = new Uri(fromEnvironment);
        await Readiness.WaitAsync(uri, TimeSpan.FromSeconds(15), stillStarting: null, cancellationToken);
        return new RabbitBroker(uri, $"the broker named by {UriVariable}", () => ValueTask.CompletedTask);
    }

    /// <summary>One way to get a broker: how the docs say it, how to make it work, and the attempt (null: not here).</summary>
    private sealed record Strategy(string Where, string HowToGetOne, Func<List<string>, CancellationToken, Task<RabbitBroker?>> TryStartAsync);
}
