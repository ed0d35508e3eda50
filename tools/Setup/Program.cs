using Setup;

// Section 4 needs a RabbitMQ broker; everything else needs only the .NET SDK. The tests find one in the order of
// RabbitBroker.SearchOrder (tools/Broker/RabbitBroker.cs). This program makes sure one of them is there, and changes nothing when one already is. Exit code 0: ready; 1: not ready (the line says why).
if (args.Length > 0)
{
    Console.Error.WriteLine($"setup: unknown argument '{args[0]}'. usage: dotnet run --project tools/Setup");
    return 2;
}

if (Environment.GetEnvironmentVariable("RABBITMQ_URI") is { Length: > 0 } uri)
{
    return Say($"RABBITMQ_URI is set ({Hidden(uri)}): the tests use that broker.");
}
if (Shell.Succeeds("docker", "info"))
{
    // Pull once now, so that the first test run does not wait for the download.
    Console.WriteLine("setup: Docker answers; pulling rabbitmq:4-management for Testcontainers...");
    return Shell.Run("docker", "pull", "-q", "rabbitmq:4-management") == 0
        ? Say("Docker is ready: the tests start a throwaway rabbitmq:4-management container.")
        : Fail("Docker answers but could not pull rabbitmq:4-management (see above). Check the network, then run this again.");
}
if (RabbitServer.Installed() is { } server)
{
    return Say($"{server} is installed: the tests start a private copy on free loopback ports.");
}
if (OperatingSystem.IsLinux() && Debian.IsDebianLike())
{
    if (!Debian.CanInstall(out var sudo))
    {
        return Fail("install RabbitMQ's server, then run this again: sudo apt-get install rabbitmq-server (or start Docker).");
    }
    Console.WriteLine("setup: installing rabbitmq-server with apt-get (the tests start their own copy; the system-wide one stays off)...");
    return Debian.InstallRabbitMq(sudo) == 0 && RabbitServer.Installed() is not null
        ? Say("rabbitmq-server is installed: the tests start a private copy on free loopback ports.")
        : Fail("apt-get could not install rabbitmq-server (see above).");
}
return Fail(
    OperatingSystem.IsMacOS() ? "no broker found: start Docker Desktop, or run `brew install rabbitmq`, then run this again." :
    OperatingSystem.IsWindows() ? "no broker found: install and start Docker Desktop (https://docs.docker.com/desktop/), or set RABBITMQ_URI to a broker of yours, then run this again." :
    "no broker found: install rabbitmq-server with your package manager, or start Docker, then run this again.");

static int Say(string line)
{
    Console.WriteLine($"setup: {line}");
    return 0;
}

static int Fail(string line)
{
    Console.Error.WriteLine($"setup: {line}");
    return 1;
}

// A URI may carry a password: print it without.
static string Hidden(string uri) =>
    Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0
        ? $"{parsed.Scheme}://{parsed.UserInfo.Split(':')[0]}@{parsed.Authority}{parsed.AbsolutePath}"
        : "not a URI";
