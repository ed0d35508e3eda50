using Broker;

// Section 4 needs a RabbitMQ broker; everything else needs only the .NET SDK. This program looks for one the way the
// tests do (RabbitBroker.SearchOrder, tools/Broker/RabbitBroker.cs), starting and stopping it once, and otherwise says in
// one line how this platform gets one. It installs nothing itself: installing asks for root, which is yours to give
// (.ci/run installs Debian's rabbitmq-server on the CI machine). Exit code 0: ready; 1: not ready; 2: bad argument.
if (args.Length > 0)
{
    Console.Error.WriteLine($"setup: unknown argument '{args[0]}'. usage: dotnet run --project tools/Setup");
    return 2;
}

try
{
    await using var broker = await RabbitBroker.StartAsync();
    Console.WriteLine($"setup: ready. The tests take the first broker they find; here that is {broker.Description}.");
    return 0;
}
catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or UriFormatException)
{
    // A broker named by RABBITMQ_URI that does not answer: nothing else is tried, so say what it answered.
    Console.Error.WriteLine("setup: " + (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(RabbitBroker.UriVariable))
        ? $"RABBITMQ_URI is set, but: {exception.Message.Split('\n')[0]}"
        : OperatingSystem.IsMacOS() ? "no broker found: start Docker Desktop, or run `brew install rabbitmq`, then run this again."
        : OperatingSystem.IsWindows() ? "no broker found: install and start Docker Desktop (https://docs.docker.com/desktop/), or set RABBITMQ_URI to a broker of yours, then run this again."
        : File.Exists("/etc/debian_version") ? "no broker found: run `sudo apt-get install rabbitmq-server` (the tests start a private copy of it on loopback), or start Docker, then run this again."
        : "no broker found: install rabbitmq-server with your package manager, or start Docker, then run this again."));
    return 1;
}
