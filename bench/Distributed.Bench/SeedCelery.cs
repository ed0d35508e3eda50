using System.Diagnostics;
using System.Text.Json;

namespace Distributed.Bench;

/// <summary>
/// The seed's Celery app (celery/seed_app.py): a worker started as the seed starts it (<c>worker -c 4</c>, rpc://
/// results), measured by celery/measure.py, which collects results with <c>join_native</c>. Only where a Python with
/// Celery is installed (Debian: <c>apt-get install python3-celery</c>).
/// </summary>
internal sealed class SeedCelery : IContestant
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "celery");
    private readonly string _python;
    private readonly Dictionary<string, string> _environment;
    private readonly Process _worker;

    private SeedCelery(string python, Dictionary<string, string> environment, Process worker)
    {
        _python = python;
        _environment = environment;
        _worker = worker;
    }

    public string Name => "Celery, the seed's app (rpc://, worker -c 4, join_native)";

    /// <summary>A Python that can import celery: Debian's first (where python3-celery goes), then whatever python3 is on the PATH.</summary>
    public static string? FindPython() =>
        new[] { "/usr/bin/python3", "python3" }.FirstOrDefault(python => Run(python, ["-c", "import celery"], new(), TimeSpan.FromSeconds(30)).ExitCode == 0);

    public static async Task<SeedCelery> StartAsync(string python, Uri broker)
    {
        var environment = new Dictionary<string, string>
        {
            ["BENCH_BROKER"] = broker.ToString(),
            ["BENCH_QUEUE"] = $"bench.celery.{Guid.NewGuid():N}",
        };
        var info = Info(python, ["-m", "celery", "-A", "seed_app", "worker", "-c", "4", "--loglevel", "WARNING"], environment);
        var worker = Process.Start(info) ?? throw new InvalidOperationException("Could not start the Celery worker.");
        _ = worker.StandardOutput.ReadToEndAsync();
        _ = worker.StandardError.ReadToEndAsync();
        var celery = new SeedCelery(python, environment, worker);
        await celery.RunAsync(200); // warm-up: waits until the worker answers
        return celery;
    }

    public Task<double> RunAsync(int tasks) => Task.Run(() => Measure(tasks, 0).Seconds);

    public Task<double> OneCallAsync(int calls) => Task.Run(() => Measure(0, calls).LatencyMs);

    private (double Seconds, double LatencyMs) Measure(int tasks, int singles)
    {
        var (exitCode, output) = Run(_python, ["measure.py", tasks.ToString(), singles.ToString()], _environment, TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"celery/measure.py failed (exit code {exitCode}): {output}");
        }
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        static double Read(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NaN;
        return (Read(json.RootElement.GetProperty("seconds")), Read(json.RootElement.GetProperty("latency_ms")));
    }

    private static ProcessStartInfo Info(string python, string[] arguments, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(python)
        {
            WorkingDirectory = Folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        return info;
    }

    private static (int ExitCode, string Output) Run(string python, string[] arguments, Dictionary<string, string> environment, TimeSpan limit)
    {
        try
        {
            using var process = Process.Start(Info(python, arguments, environment))!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                return (124, "timed out");
            }
            return (process.ExitCode, output.Result + errors.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, $"{python} not found");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_worker.HasExited)
        {
            // SIGTERM is Celery's warm shutdown: it finishes what it holds and exits. Killed only if it does not.
            _ = kill(_worker.Id, 15);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _worker.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                _worker.Kill(entireProcessTree: true);
                await _worker.WaitForExitAsync();
            }
        }
        _worker.Dispose();
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
