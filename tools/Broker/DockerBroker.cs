using Testcontainers.RabbitMq;

namespace Broker;

/// <summary>The second choice: a throwaway container, when a Docker engine answers.</summary>
internal static class DockerBroker
{
    public static async Task<RabbitBroker?> TryStartAsync(List<string> notes, CancellationToken cancellationToken)
    {
        // Look before asking Testcontainers: without an engine it is slow and noisy to find that out.
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrEmpty(dockerHost) && !File.Exists("/var/run/docker.sock") && !OperatingSystem.IsWindows())
        {
            notes.Add("Docker: no DOCKER_HOST and no /var/run/docker.sock, so no Docker engine to ask");
            return null;
        }

        RabbitMqContainer? container = null;
        try
        {
            container = new RabbitMqBuilder("rabbitmq:4-management").Build();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromMinutes(3));
            await container.StartAsync(limit.Token);
            var started = container;
            return new RabbitBroker(new Uri(container.GetConnectionString()), "a rabbitmq:4-management container (Docker)", () => started.DisposeAsync());
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            notes.Add($"Docker: {exception.GetType().Name}: {exception.Message.Split('\n')[0]}");
            if (container is not null)
            {
                await container.DisposeAsync();
            }
            return null;
        }
    }
}
