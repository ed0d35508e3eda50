using System.Collections.Concurrent;
using System.Net.Sockets;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Distributed;

/// <summary>
/// Opens the connection to the broker, given, so that the katas can be about queues rather than about the ways a
/// connection fails. Both sides use it: <see cref="TaskClient.ConnectAsync"/> and <see cref="Worker.RunAsync"/>.
/// </summary>
public static class BrokerConnection
{
    /// <summary>How long to try before saying the broker is not there. A broker that answers at all answers well within it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Connects to <paramref name="broker"/>, naming the connection <paramref name="name"/> (the management UI shows it
    /// under Connections). Fails within <see cref="Patience"/> with a <see cref="BrokerUnavailableException"/> that
    /// names the address (never the password) and says what went wrong.
    /// </summary>
    public static async Task<IConnection> OpenAsync(Uri broker, string name, CancellationToken cancellationToken = default)
    {
        if (StandIns.TryGetValue(broker.AbsoluteUri, out var standIn))
        {
            return standIn(name);
        }
        var factory = new ConnectionFactory
        {
            Uri = broker,
            ClientProvidedName = name,
            RequestedConnectionTimeout = Patience,
            // The first connection is not covered by automatic recovery anyway; failing fast is what we want here.
            HandshakeContinuationTimeout = Patience,
        };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Patience);
        try
        {
            return await factory.CreateConnectionAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrokerUnavailableException(broker, $"no answer within {Patience.TotalSeconds:0} s");
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or SocketException or IOException)
        {
            throw new BrokerUnavailableException(broker, Reason(exception), exception);
        }
    }

    /// <summary>
    /// For the tests only: brokers that live in memory, by address. The systematic tests
    /// (tests/04-Distributed.Systematic.Tests) register one here and hand its address to <see cref="TaskClient.ConnectAsync"/>,
    /// so your client runs against a broker whose every step Coyote can schedule, with no RabbitMQ at all. Your code
    /// does not change for it: it only has to open its connection here, with <see cref="OpenAsync"/>.
    /// </summary>
    internal static readonly ConcurrentDictionary<string, Func<string, IConnection>> StandIns = new();

    /// <summary>The address as it is safe to print: <c>amqp://guest@127.0.0.1:5672/</c>, the password left out.</summary>
    public static string Printable(Uri broker)
    {
        var user = broker.UserInfo.Split(':')[0];
        return $"{broker.Scheme}://{(user.Length > 0 ? user + "@" : "")}{broker.Authority}{broker.AbsolutePath}";
    }

    /// <summary>The most telling reason in a chain of exceptions from the client library.</summary>
    public static string Reason(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case AuthenticationFailureException or PossibleAuthenticationFailureException:
                    return "the broker refused the user name or password";
                case OperationInterruptedException { ShutdownReason.ReplyCode: 530 }:
                    return "the broker refused access to the virtual host";
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connection refused (is a broker running there?)";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return "the host name is not known";
                case SocketException socket:
                    return socket.Message;
            }
        }
        return (exception.InnerException ?? exception).Message;
    }
}

/// <summary>The broker could not be reached, or refused us. The message names the address (without the password) and the reason.</summary>
public sealed class BrokerUnavailableException(Uri broker, string reason, Exception? innerException = null)
    : Exception($"cannot connect to the RabbitMQ broker at {BrokerConnection.Printable(broker)}: {reason}", innerException)
{
    /// <summary>The address that was tried, password left out.</summary>
    public string Broker { get; } = BrokerConnection.Printable(broker);
}
