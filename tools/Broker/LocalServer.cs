using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Broker;

/// <summary>
/// The third choice: a private copy of the rabbitmq-server found on the PATH (Debian's package works), with its own
/// node name, free loopback ports, its own epmd and a temporary data folder. Nothing listens beyond 127.0.0.1,
/// and nothing is left behind: <see cref="Stop"/> runs on dispose and when the process exits, and a run that
/// crashed before cleaning up is cleaned up by the next one: each server lives in a folder named after the process that
/// started it, with the pids it started, and a start first stops the pids of every folder whose owner has died.
/// </summary>
internal sealed class LocalServer
{
    // One folder per user: a folder made by root would not be writable for anyone else.
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"katas-rabbitmq-{Environment.UserName}");

    private readonly string _directory;
    private readonly Process _server;
    private readonly Process _epmd;
    private readonly StringBuilder _output;
    private int _stopped;

    private LocalServer(Uri uri, string directory, Process server, Process epmd, StringBuilder output)
    {
        Uri = uri;
        _directory = directory;
        _server = server;
        _epmd = epmd;
        _output = output;
    }

    public Uri Uri { get; }

    public static async Task<RabbitBroker?> TryStartAsync(List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            var local = await TryStartServerAsync(notes, cancellationToken);
            return local is null
                ? null
                : new RabbitBroker(local.Uri, "a private rabbitmq-server on 127.0.0.1", () => { local.Stop(); return ValueTask.CompletedTask; });
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            notes.Add($"rabbitmq-server: {exception.Message}");
            return null;
        }
    }

    private static async Task<LocalServer?> TryStartServerAsync(List<string> notes, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            notes.Add("rabbitmq-server: only started automatically on Linux and macOS");
            return null;
        }
        var script = FindProgram("rabbitmq-server");
        var epmdPath = FindProgram("epmd") ?? FirstExisting("/usr/lib/erlang/bin/epmd");
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
        File.WriteAllText(Path.Combine(directory, "owner.pid"), Environment.ProcessId.ToString());
        if (asRoot)
        {
            // Debian's wrapper drops from root to the rabbitmq user, which must be able to write here.
            GiveToRabbitmqUser(directory);
        }

        var ports = FreePorts(3);
        var (amqpPort, distPort, epmdPort) = (ports[0], ports[1], ports[2]);
        var node = $"katas-{id}@localhost";

        // Our own epmd on a private loopback port, so that we can stop it without touching anyone else's.
        var epmd = Start(epmdPath, ["-port", epmdPort.ToString(), "-address", "127.0.0.1"], [], output: null);
        Remember(directory, "epmd.pid", epmd.Id);

        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = node,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(),
            ["RABBITMQ_DIST_PORT"] = distPort.ToString(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["ERL_EPMD_PORT"] = epmdPort.ToString(),
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

        var output = new StringBuilder();
        var server = Start(script, [], environment, output);
        Remember(directory, "launcher.pid", server.Id);
        var local = new LocalServer(new Uri($"amqp://guest:guest@127.0.0.1:{amqpPort}/"), directory, server, epmd, output);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => local.Stop();

        try
        {
            await Readiness.WaitAsync(local.Uri, TimeSpan.FromSeconds(60), local.WhyItStopped, cancellationToken);
            return local;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            local.Stop();
            notes.Add($"rabbitmq-server ({script}) did not start: {exception.Message}\n    its output:\n    {local.Output().Replace("\n", "\n    ")}");
            return null;
        }
    }

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }
        // No graceful shutdown needed: the data folder is thrown away. The beam process is a grandchild of the
        // launcher; the pid file names it in case it is no longer in the launcher's tree.
        KillTree(_server);
        KillIfItIs(ReadPid(_directory, "beam.pid"), "beam");
        KillTree(_epmd);
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still held open: the next run's leftover sweep will remove it.
        }
    }

    private string? WhyItStopped() =>
        _server.HasExited ? $"rabbitmq-server exited with code {_server.ExitCode} before it accepted connections" : null;

    private string Output()
    {
        lock (_output)
        {
            var text = _output.ToString().Trim();
            return text.Length > 3000 ? "..." + text[^3000..] : text;
        }
    }

    private static Process Start(string file, string[] arguments, Dictionary<string, string> environment, StringBuilder? output)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}");
        void Collect(object? sender, DataReceivedEventArgs line)
        {
            if (output is not null && line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int[] FreePorts(int count)
    {
        // Hold all the listeners open together so that the ports are distinct, then let them go.
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(listener => listener.Start());
            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(listener => listener.Stop());
        }
    }

    /// <summary>Finds a program on the PATH; also looks in the sbin folders, which a non-root PATH often lacks.</summary>
    private static string? FindProgram(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var folders = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/sbin", "/sbin"]);
        return FirstExisting(folders.Select(folder => Path.Combine(folder, name)).ToArray());
    }

    private static string? FirstExisting(params string[] candidates) => candidates.FirstOrDefault(File.Exists);

    /// <summary>Lets the rabbitmq user (which Debian's wrapper switches to) enter the root and own the server's folder.</summary>
    private static void GiveToRabbitmqUser(string directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                       UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
                                       UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", "rabbitmq:rabbitmq", directory])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not run chown");
        var error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown rabbitmq {directory} failed: {error.Trim()}");
        }
    }

    private static void Remember(string directory, string file, int pid) =>
        File.WriteAllText(Path.Combine(directory, file), pid.ToString());

    private static int? ReadPid(string directory, string file)
    {
        try
        {
            return int.TryParse(File.ReadAllText(Path.Combine(directory, file)).Trim(), out var pid) ? pid : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stops what an earlier run left behind (it was killed or crashed) and removes its folder.</summary>
    private static void CleanUpLeftovers()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }
        foreach (var directory in Directory.GetDirectories(Root))
        {
            if (ReadPid(directory, "owner.pid") is { } owner && IsAlive(owner))
            {
                continue; // someone else's live broker (another test run at the same time)
            }
            KillIfItIs(ReadPid(directory, "beam.pid"), "beam");
            KillIfItIs(ReadPid(directory, "launcher.pid"), "su");
            KillIfItIs(ReadPid(directory, "launcher.pid"), "rabbitmq");
            KillIfItIs(ReadPid(directory, "epmd.pid"), "epmd");
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It already exited.
        }
    }

    /// <summary>Kills <paramref name="pid"/> only if that process is still the program we started (pids are reused).</summary>
    private static void KillIfItIs(int? pid, string program)
    {
        if (pid is null)
        {
            return;
        }
        try
        {
            using var process = Process.GetProcessById(pid.Value);
            if (process.ProcessName.Contains(program, StringComparison.OrdinalIgnoreCase))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            // No such process any more.
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
