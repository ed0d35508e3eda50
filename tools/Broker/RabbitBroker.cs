namespace Broker;

/// <summary>
/// A RabbitMQ broker for the section 4 tests and notebook. <see cref="StartAsync"/> looks, in order, for:
/// <list type="number">
/// <item>the <c>RABBITMQ_URI</c> environment variable (a broker you run yourself);</item>
/// <item>Docker, through Testcontainers (<c>rabbitmq:4-management</c>);</item>
/// <item>Debian's <c>rabbitmq-server</c> on the PATH, started privately on free loopback ports;</item>
/// </list>
/// and otherwise fails with a message that says how to get one. Dispose it to stop what it started.
/// </summary>
public sealed class RabbitBroker : IAsyncDisposable
{
    public const string UriVariable = "RABBITMQ_URI";

    private readonly Func<ValueTask> _stop;
    private int _stopped;

    private RabbitBroker(Uri uri, string description, Func<ValueTask> stop)
    {
        Uri = uri;
        Description = description;
        _stop = stop;
    }

    /// <summary>The AMQP address to connect to, user and password included.</summary>
    public Uri Uri { get; }

    /// <summary>Where the broker came from, for logs and notebook output (no ports, so it prints the same every time).</summary>
    public string Description { get; }

    public static async Task<RabbitBroker> StartAsync(CancellationToken cancellationToken = default)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(UriVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var uri = new Uri(fromEnvironment);
            await Readiness.WaitAsync(uri, TimeSpan.FromSeconds(15), stillStarting: null, cancellationToken);
            return new RabbitBroker(uri, $"the broker named by {UriVariable}", () => ValueTask.CompletedTask);
        }

        var notes = new List<string>();

        var container = await DockerBroker.TryStartAsync(notes, cancellationToken);
        if (container is not null)
        {
            return new RabbitBroker(container.Value.Uri, "a rabbitmq:4-management container (Docker)", container.Value.Stop);
        }

        LocalServer? local;
        try
        {
            local = await LocalServer.TryStartAsync(notes, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            notes.Add($"rabbitmq-server: {exception.Message}");
            local = null;
        }
        if (local is not null)
        {
            return new RabbitBroker(local.Uri, "a private rabbitmq-server on 127.0.0.1", () => { local.Stop(); return ValueTask.CompletedTask; });
        }

        throw new InvalidOperationException(
            "These exercises need a RabbitMQ broker, and none was found. Any one of these works:\n" +
            $"  1. run a broker yourself and set {UriVariable}, e.g. {UriVariable}=amqp://guest:guest@127.0.0.1:5672/\n" +
            "  2. install RabbitMQ's server so that rabbitmq-server is on the PATH (Debian/Ubuntu: sudo apt-get install rabbitmq-server);\n" +
            "     the tests start a private copy on free loopback ports and stop it afterwards\n" +
            "  3. start Docker: the tests then run the rabbitmq:4-management image through Testcontainers\n" +
            "What was tried:\n  - " + string.Join("\n  - ", notes));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _stop();
        }
    }
}
