namespace Distributed;

/// <summary>
/// The worker program's command line, read strictly: an option it does not know, a number that is not a whole number
/// of at least 1, or an address that is not an amqp:// URI is an error that names the option, never a guess.
/// </summary>
internal sealed record WorkerOptions(Uri Broker, string Queue, int Concurrency, string? HoldFolder, TimeSpan Grace)
{
    public const string Usage =
        "usage: Distributed worker [--broker URI] [--queue NAME] [--concurrency N] [--grace SECONDS] [--hold FOLDER]\n" +
        "  --broker URI        the RabbitMQ broker (default amqp://guest:guest@127.0.0.1:5672/)\n" +
        "  --queue NAME        the task queue to serve (default tasks)\n" +
        "  --concurrency N     how many tasks to run at once (default: the number of cores)\n" +
        "  --grace SECONDS     on stop, how long the tasks in progress may take to finish (default 10)\n" +
        "  --hold FOLDER       for the tests: hold each task until a release file appears in FOLDER";

    /// <summary>Reads the arguments after <c>worker</c>; on failure, <paramref name="error"/> is one line naming the bad option.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out WorkerOptions options, out string error)
    {
        options = new WorkerOptions(new Uri("amqp://guest:guest@127.0.0.1:5672/"), "tasks", Environment.ProcessorCount, null,
            TimeSpan.FromSeconds(10));
        error = "";
        if (args.Count == 0 || args[0] != "worker")
        {
            error = args.Count == 0 ? "missing command: the only command is 'worker'" : $"unknown command '{args[0]}': the only command is 'worker'";
            return false;
        }
        for (var i = 1; i < args.Count; i += 2)
        {
            var name = args[i];
            if (name is not ("--broker" or "--queue" or "--concurrency" or "--grace" or "--hold"))
            {
                error = $"unknown option '{name}'";
                return false;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"option {name} needs a value";
                return false;
            }
            var value = args[i + 1];
            switch (name)
            {
                case "--broker" when Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" && uri.Host.Length > 0:
                    options = options with { Broker = uri };
                    break;
                case "--broker":
                    error = $"option --broker: '{Hidden(value)}' is not an amqp:// or amqps:// URI";
                    return false;
                case "--queue":
                    options = options with { Queue = value };
                    break;
                case "--concurrency" when int.TryParse(value, out var n) && n is >= 1 and <= ushort.MaxValue:
                    options = options with { Concurrency = n };
                    break;
                case "--concurrency":
                    error = $"option --concurrency: '{value}' is not a whole number from 1 to {ushort.MaxValue}";
                    return false;
                case "--grace" when int.TryParse(value, out var seconds) && seconds >= 1:
                    options = options with { Grace = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--grace":
                    error = $"option --grace: '{value}' is not a whole number of seconds, at least 1";
                    return false;
                case "--hold":
                    options = options with { HoldFolder = value };
                    break;
            }
        }
        return true;
    }

    // Whatever the user typed may hold a password: print it only up to the '@'.
    private static string Hidden(string value)
    {
        var at = value.LastIndexOf('@');
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? value[..(scheme + 3)] + "...@" + value[(at + 1)..] : value;
    }
}
