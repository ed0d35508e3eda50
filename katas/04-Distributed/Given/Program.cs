namespace Distributed;

/// <summary>
/// The worker program, given: <c>dotnet Distributed.dll worker --broker URI --queue NAME --concurrency N [--hold FOLDER]</c>.
/// Like <c>celery worker -c N</c>, it serves tasks until it is stopped: Ctrl+C, SIGTERM, or its standard input
/// closing (so a worker started by a test or a notebook never outlives it). The serving itself is yours: <see cref="Worker"/>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "worker")
        {
            Console.Error.WriteLine("usage: Distributed worker --broker URI --queue NAME --concurrency N [--hold FOLDER]");
            return 2;
        }
        var broker = new Uri(Option(args, "--broker") ?? "amqp://guest:guest@127.0.0.1:5672/");
        var queue = Option(args, "--queue") ?? "tasks";
        var concurrency = int.Parse(Option(args, "--concurrency") ?? Environment.ProcessorCount.ToString());
        var fun = new Fun(Option(args, "--hold"));

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        if (Console.IsInputRedirected)
        {
            // Whoever started us closes our input (or dies) when we should stop.
            _ = Task.Run(() => { Console.In.ReadToEnd(); stop.Cancel(); });
        }

        try
        {
            await Worker.RunAsync(broker, queue, concurrency, fun.RunAsync, stop.Token);
            return 0;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"worker PID {Environment.ProcessId} failed: {exception.GetType().Name}: {exception.Message}");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
