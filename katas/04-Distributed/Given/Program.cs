using RabbitMQ.Client.Exceptions;

namespace Distributed;

/// <summary>
/// The worker program, given: <c>dotnet Distributed.dll worker --broker URI --queue NAME --concurrency N [--grace S] [--hold FOLDER]</c>.
/// Like <c>celery worker -c N</c>, it serves tasks until it is stopped: Ctrl+C, SIGTERM, or its standard input
/// closing. Then it takes no new task, lets the tasks in progress finish (for at most the grace period), and exits
/// with code 0. Bad arguments: exit code 2. No broker, or a broker that refuses us: exit code 1. Each error is one
/// line on stderr. The serving itself is yours: <see cref="Worker"/>.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!WorkerOptions.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine($"worker: {error}");
            Console.Error.WriteLine(WorkerOptions.Usage);
            return 2;
        }
        var fun = new Fun(options.HoldFolder);

        using var signals = StopSignals.Listen(options.Grace);
        try
        {
            // The work ignores the worker's own stop token on purpose: a stop lets the task in progress finish,
            // and only the end of the grace period (Abandon) makes it give up.
            await Worker.RunAsync(options.Broker, options.Queue, options.Concurrency,
                (x, _) => fun.RunAsync(x, signals.Abandon), signals.Stop);
            return 0;
        }
        catch (OperationCanceledException) when (signals.Stop.IsCancellationRequested)
        {
            return 0; // stopped while still connecting: nothing was taken, nothing is lost
        }
        catch (BrokerUnavailableException exception)
        {
            Console.Error.WriteLine($"worker: {exception.Message}");
            return 1;
        }
        catch (BrokerUnreachableException exception)
        {
            // A Worker that opens its connection itself rather than through BrokerConnection ends up here.
            Console.Error.WriteLine($"worker: {new BrokerUnavailableException(options.Broker, BrokerConnection.Reason(exception)).Message}");
            return 1;
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"worker PID {Environment.ProcessId} failed: {exception.GetType().Name}: {exception.Message}");
            return 1;
        }
    }
}
