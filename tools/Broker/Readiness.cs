using RabbitMQ.Client;

namespace Broker;

/// <summary>Waits until a broker accepts an AMQP connection (a listening port is not enough: it may still be booting).</summary>
internal static class Readiness
{
    public static async Task WaitAsync(Uri uri, TimeSpan limit, Func<string?>? stillStarting, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = uri, AutomaticRecoveryEnabled = false, RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + limit;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // stillStarting returns why to give up (the server process died), or null to keep waiting.
            var gaveUp = stillStarting?.Invoke();
            if (gaveUp is not null)
            {
                throw new InvalidOperationException(gaveUp);
            }
            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                last = exception;
            }
            await Task.Delay(200, cancellationToken);
        }
        throw new TimeoutException($"The broker at {Redacted(uri)} did not accept a connection within {limit.TotalSeconds:0} s: {last?.Message}", last);
    }

    public static string Redacted(Uri uri) => $"{uri.Scheme}://{uri.Host}:{uri.Port}{uri.AbsolutePath}";
}
