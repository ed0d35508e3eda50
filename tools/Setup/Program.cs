using Broker;
using Setup;

// Section 4 needs a RabbitMQ broker; everything else needs only the .NET SDK. This program looks for one the way the
// tests do (RabbitBroker.SearchOrder, tools/Broker/RabbitBroker.cs), starting and stopping it once, and on Debian or
// Ubuntu installs rabbitmq-server when there is none. Exit code 0: ready; 1: not ready (the line says why); 2: bad argument.
if (args.Length > 0)
{
    Console.Error.WriteLine($"setup: unknown argument '{args[0]}'. usage: dotnet run --project tools/Setup");
    return 2;
}

var (broker, why) = await FindAsync();
if (broker is null && why is null && Debian.IsDebianLike())
{
    Console.WriteLine("setup: installing rabbitmq-server with apt-get (the tests start their own copy; the system-wide one stays off)...");
    if (!await Debian.InstallRabbitMqAsync())
    {
        return Fail("could not install rabbitmq-server (see above). Someone who can should run: sudo apt-get install rabbitmq-server (or start Docker).");
    }
    (broker, why) = await FindAsync();
}
if (broker is not null)
{
    Console.WriteLine($"setup: ready. The tests take the first broker they find; here that is {broker.Description}.");
    await broker.DisposeAsync();
    return 0;
}
return Fail(why ??
    (OperatingSystem.IsMacOS() ? "no broker found: start Docker Desktop, or run `brew install rabbitmq`, then run this again." :
    OperatingSystem.IsWindows() ? "no broker found: install and start Docker Desktop (https://docs.docker.com/desktop/), or set RABBITMQ_URI to a broker of yours, then run this again." :
    "no broker found: install rabbitmq-server with your package manager, or start Docker, then run this again."));

// A broker, or none; and why not, when RABBITMQ_URI names one that does not answer (then nothing else is tried).
static async Task<(RabbitBroker? Broker, string? Why)> FindAsync()
{
    try
    {
        return (await RabbitBroker.StartAsync(), null);
    }
    catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or UriFormatException)
    {
        var named = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RabbitBroker.UriVariable));
        return (null, named ? $"RABBITMQ_URI is set, but: {exception.Message.Split('\n')[0]}" : null);
    }
}

static int Fail(string line)
{
    Console.Error.WriteLine($"setup: {line}");
    return 1;
}
