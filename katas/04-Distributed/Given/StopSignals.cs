using System.Runtime.InteropServices;

namespace Distributed;

/// <summary>
/// When the worker program should stop, and how long it may take. A stop is asked for by Ctrl+C (SIGINT), SIGTERM
/// (what <c>kill</c>, Docker and systemd send), or the program's standard input closing when it is redirected (so a
/// worker started by a test or a notebook never outlives it).
/// <see cref="Stop"/> is cancelled at once: take no new tasks. <see cref="Abandon"/> is cancelled a grace period
/// later: the tasks still in progress give up, and since they are never acknowledged, the broker gives them to
/// another worker.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    // Deliberately never disposed: a signal or the input watcher may fire while Main is returning, and cancelling a
    // disposed source throws (the crash this class exists to avoid). Without a timer of their own they hold nothing.
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly List<PosixSignalRegistration> _signals = [];

    private StopSignals(TimeSpan grace)
    {
        _stop.Token.Register(() => _abandon.CancelAfter(grace));
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                // context.Cancel = true: we stop ourselves, in order, instead of letting the runtime end the process now.
                _signals.Add(PosixSignalRegistration.Create(signal, context => { context.Cancel = true; _stop.Cancel(); }));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal simply never sends it.
            }
        }
        if (Console.IsInputRedirected)
        {
            // Whoever started us closes our input (or dies, which closes it too) when we should stop.
            var watcher = new Thread(() =>
            {
                try
                {
                    Console.In.ReadToEnd();
                }
                catch (IOException)
                {
                }
                _stop.Cancel();
            })
            { IsBackground = true, Name = "stdin watcher" };
            watcher.Start();
        }
    }

    public CancellationToken Stop => _stop.Token;

    public CancellationToken Abandon => _abandon.Token;

    public static StopSignals Listen(TimeSpan grace) => new(grace);

    public void Dispose()
    {
        foreach (var signal in _signals)
        {
            signal.Dispose();
        }
    }
}
