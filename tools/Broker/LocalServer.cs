using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CliWrap;
using CliWrap.Buffered;

namespace Broker;

/// <summary>
/// The third choice: a private copy of the rabbitmq-server found on the PATH (Debian's package works), with its own
/// node name, free loopback ports, its own epmd and a temporary data folder. Nothing listens beyond 127.0.0.1, and
/// nothing is left behind: the server stops on dispose and when the process exits, and a run that crashed before
/// cleaning up is cleaned up by the next one: each server lives in a folder with the pid of the process that started it
/// and the pids it started, and a start first stops the pids of every folder whose owner has died.
/// </summary>
internal static class LocalServer
{
    // One folder per user: a folder made by root would not be writable for anyone else.
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"katas-rabbitmq-{Environment.UserName}");

    // The programs a server runs as; a recorded pid is killed only while it still names one of them (pids are reused).
    private static readonly string[] ServerPrograms = ["epmd", "su", "rabbitmq-server", "beam.smp", "beam"];

    public static async Task<RabbitBroker?> TryStartAsync(List<string> notes, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            notes.Add("rabbitmq-server: only started automatically on Linux and macOS");
            return null;
        }
        var script = FindProgram("rabbitmq-server");
        var epmdPath = FindProgram("epmd");
        if (script is null || epmdPath is null)
        {
            notes.Add($"rabbitmq-server: {(script is null ? "rabbitmq-server" : "epmd")} is not on the PATH");
            return null;
        }
        CleanUpLeftovers();

        var asRoot = Environment.UserName == "root";
        // Debian's wrapper in sbin runs only as root (it switches to the rabbitmq user) or as rabbitmq;
        // anyone else can run the real script behind it, with a data folder of their own.
        const string RealScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        if (!asRoot && File.Exists(RealScript))
        {
            script = RealScript;
        }
        var id = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..20];
        var directory = Path.Combine(Root, id);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[].");
        File.WriteAllText(Path.Combine(directory, "rabbitmq-env.conf"), "");
        File.WriteAllText(Path.Combine(directory, "owner.pid"), $"{Environment.ProcessId}");
        var output = new ConcurrentQueue<string>();
        var stopping = new CancellationTokenSource();
        var started = new List<CommandTask<CommandResult>>();
        var stopped = 0;
        void Stop()
        {
            if (Interlocked.Exchange(ref stopped, 1) != 0)
            {
                return;
            }
            // No graceful shutdown needed: the data folder is thrown away. Cancelling kills epmd's and the launcher's
            // process trees; the beam process, a grandchild of the launcher, may have left that tree: its pid file names it.
            stopping.Cancel();
            Task.WhenAll(started.Select(task => task.Task)).ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(5));
            ChildProcesses.KillLeftovers(ReadPids(directory, "beam.pid"), ServerPrograms);
            DeleteFolder(directory);
        }
        try
        {
            if (asRoot)
            {
                // Debian's wrapper drops from root to the rabbitmq user, which must enter the root and own this folder.
                File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
                await Cli.Wrap("chown").WithArguments(["-R", "rabbitmq:rabbitmq", directory]).ExecuteBufferedAsync(cancellationToken);
            }
            int[] ports = FreePorts(3);
            var (amqpPort, distPort, epmdPort) = (ports[0], ports[1], ports[2]);
            // Our own epmd on a private loopback port, so that we can stop it without touching anyone else's.
            _ = Start(Cli.Wrap(epmdPath).WithArguments(["-port", $"{epmdPort}", "-address", "127.0.0.1"]), "epmd.pid");
            var environment = new Dictionary<string, string?>
            {
                ["RABBITMQ_NODENAME"] = $"katas-{id}@localhost",
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = $"{amqpPort}",
                ["RABBITMQ_DIST_PORT"] = $"{distPort}",
                ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
                ["ERL_EPMD_PORT"] = $"{epmdPort}",
                ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
                ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
                ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "beam.pid"),
                ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
                ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "none"),
                ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(directory, "none.config"),
                // Keeps the Erlang distribution listener on loopback as well.
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            };
            if (!asRoot)
            {
                environment["HOME"] = directory; // the Erlang cookie goes here
            }
            var server = Start(Cli.Wrap(script).WithEnvironmentVariables(environment), "launcher.pid");
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
            var uri = new Uri($"amqp://guest:guest@127.0.0.1:{amqpPort}/");
            await Readiness.WaitAsync(uri, TimeSpan.FromSeconds(60), () => server.Task.IsCompletedSuccessfully
                ? $"rabbitmq-server exited with code {server.Task.Result.ExitCode} before it accepted connections" : null, cancellationToken);
            return new RabbitBroker(uri, "a private rabbitmq-server on 127.0.0.1", () => { Stop(); return ValueTask.CompletedTask; });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Stop();
            var text = string.Join('\n', output).Trim();
            notes.Add($"rabbitmq-server ({script}) did not start: {exception.Message}\n    its output:\n    {(text.Length > 3000 ? "..." + text[^3000..] : text).Replace("\n", "\n    ")}");
            return null;
        }

        // Starts a program of the server's, collects its output and writes its pid into the folder (for the leftover sweep).
        CommandTask<CommandResult> Start(Command command, string pidFile)
        {
            var collect = PipeTarget.ToDelegate(output.Enqueue);
            var task = command.WithWorkingDirectory(Path.GetTempPath()).WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(collect).WithStandardErrorPipe(collect).ExecuteAsync(stopping.Token);
            started.Add(task);
            File.WriteAllText(Path.Combine(directory, pidFile), $"{task.ProcessId}");
            return task;
        }
    }

    /// <summary>Finds a program on the PATH; also where Debian and Homebrew put RabbitMQ and Erlang, which a PATH often lacks.</summary>
    private static string? FindProgram(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/sbin", "/sbin", "/opt/homebrew/sbin", "/usr/lib/erlang/bin"])
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static int[] FreePorts(int count)
    {
        // Hold all the listeners open together so that the ports are distinct, then let them go.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(listener => listener.Start());
        var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        listeners.ForEach(listener => listener.Stop());
        return ports;
    }

    /// <summary>Stops what an earlier run left behind (it was killed or crashed) and removes its folder.</summary>
    private static void CleanUpLeftovers()
    {
        // A live owner is another test run at the same time (any version of this code: the pid files keep their names).
        foreach (var directory in (Directory.Exists(Root) ? Directory.GetDirectories(Root) : [])
                     .Where(d => ReadPid(Path.Combine(d, "owner.pid")) is not { } owner || !ChildProcesses.IsRunning(owner)))
        {
            ChildProcesses.KillLeftovers(ReadPids(directory, "beam.pid", "launcher.pid", "epmd.pid"), ServerPrograms);
            DeleteFolder(directory);
        }
    }

    private static int? ReadPid(string file) => File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) ? pid : null;

    private static IEnumerable<int> ReadPids(string directory, params string[] pidFiles) =>
        pidFiles.Select(file => ReadPid(Path.Combine(directory, file))).OfType<int>();

    private static void DeleteFolder(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still held open: the next run's leftover sweep removes it.
        }
    }
}
