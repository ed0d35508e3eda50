using System.Collections.Concurrent;
using Spectre.Console;

namespace Coach;

/// <summary>
/// The watch view: progress, the current kata and its first failing test; reruns that kata each time a file under
/// katas/ is saved. Keys: h hint (one more each time), l list, n next kata (skip this one), t stack trace, q quit.
/// File events come from a FileSystemWatcher and, because they do not arrive everywhere (Docker bind mounts, WSL on a
/// Windows drive, some network drives), also from polling the files' sizes and times every second; --poll uses polling only.
/// </summary>
internal sealed class Watch(Session session, IAnsiConsole console, bool pollOnly, bool trace)
{
    private enum Kind { Saved, Key }

    private sealed record Event(Kind Kind, char Key = '\0');

    private readonly BlockingCollection<Event> _events = new();
    private bool _trace = trace;
    private string? _banner;
    private List<(string, long, DateTime)> _ranWith = [];

    public int Run()
    {
        var katas = Path.Combine(session.Root, "katas");
        using var watcher = pollOnly ? null : StartWatcher(katas);
        using var stop = new CancellationTokenSource();
        var polling = Task.Run(() => Poll(katas, stop.Token));
        var keys = new Thread(ReadKeys) { IsBackground = true, Name = "keys" };
        keys.Start();

        try
        {
            _ranWith = Snapshot(katas);
            Draw(null, "Running the tests of the first kata that does not pass yet ...");
            var current = session.Current();
            while (true)
            {
                Draw(current, null);
                if (current is null)
                {
                    console.MarkupLine("[grey]Press q to quit.[/]");
                }
                var next = _events.Take();
                if (next.Kind == Kind.Saved)
                {
                    Settle();
                    // The watcher and the poller both report a save: run once per change of the files' contents.
                    var now = Snapshot(katas);
                    if (now.SequenceEqual(_ranWith))
                    {
                        continue;
                    }
                    _ranWith = now;
                    if (current is null)
                    {
                        current = session.Current();
                        continue;
                    }
                    Draw(current, $"Saved: running the tests of {current.Kata.Id} ...");
                    var run = session.Run(current.Kata);
                    if (run.Passed)
                    {
                        _banner = $"[green]✓ {Markup.Escape(run.Kata.Id)} passes![/] [grey]To see the reference and the classic wrong answers: dotnet run --project tools/Coach -- solution {Markup.Escape(run.Kata.Id)}[/]";
                        current = session.Current();
                    }
                    else
                    {
                        _banner = null;
                        current = run;
                    }
                    continue;
                }
                switch (char.ToLowerInvariant(next.Key))
                {
                    case 'q':
                        return 0;
                    case 'h' when current is not null:
                        session.Progress.ShowOneMoreHint(current.Kata);
                        break;
                    case 'l':
                        console.Clear();
                        console.Write(Views.List(session, k => session.Known(k)));
                        console.MarkupLine("[grey]Press any key to go back.[/]");
                        _events.Take();
                        break;
                    case 'n' when current is not null:
                        session.Skip(current.Kata);
                        _banner = $"[grey]Skipped {Markup.Escape(current.Kata.Id)} for now; it comes back when you start the coach again.[/]";
                        Draw(current, "Running the tests of the next kata ...");
                        current = session.Current();
                        break;
                    case 't':
                        _trace = !_trace;
                        break;
                }
            }
        }
        finally
        {
            stop.Cancel();
            polling.Wait(TimeSpan.FromSeconds(2));
        }
    }

    private void Draw(KataRun? current, string? working)
    {
        console.Clear();
        console.Write(new Rule("[bold]Coach[/]: Asynchronous Programming and Concurrency in C#").LeftJustified());
        console.Write(Views.Progress(session));
        console.WriteLine();
        if (_banner is not null)
        {
            console.MarkupLine(_banner);
            console.WriteLine();
        }
        if (current is not null)
        {
            console.Write(Views.Kata(session, current, session.Progress.HintsShown(current.Kata), _trace));
        }
        else if (working is null)
        {
            console.MarkupLine("[green]Every kata passes. Well done![/]");
        }
        if (working is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape(working)}[/]");
        }
        else
        {
            console.MarkupLine("[grey]Watching katas/ (save to rerun)[/]  [bold]h[/] hint  [bold]l[/] list  [bold]n[/] next kata  [bold]t[/] trace  [bold]q[/] quit");
        }
    }

    // An editor saves in several steps (and sometimes two files): wait until the events stop for a moment.
    private void Settle()
    {
        while (_events.TryTake(out var more, TimeSpan.FromMilliseconds(300)))
        {
            if (more.Kind == Kind.Key)
            {
                _events.Add(more);
                return;
            }
        }
    }

    private FileSystemWatcher? StartWatcher(string folder)
    {
        try
        {
            var watcher = new FileSystemWatcher(folder, "*.cs") { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            FileSystemEventHandler saved = (_, e) => { if (!IsBuildOutput(e.FullPath)) { _events.Add(new Event(Kind.Saved)); } };
            watcher.Changed += saved;
            watcher.Created += saved;
            watcher.Renamed += (sender, e) => saved(sender, e);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception exception) when (exception is IOException or PlatformNotSupportedException or ArgumentException)
        {
            return null; // polling still works
        }
    }

    private async Task Poll(string folder, CancellationToken stop)
    {
        var seen = Snapshot(folder);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var now = Snapshot(folder);
            if (!now.SequenceEqual(seen))
            {
                _events.Add(new Event(Kind.Saved));
            }
            seen = now;
        }
    }

    private static List<(string, long, DateTime)> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Order(StringComparer.Ordinal)
            .Select(path => new FileInfo(path))
            .Select(file => (file.FullName, file.Exists ? file.Length : -1, file.Exists ? file.LastWriteTimeUtc : default))
            .ToList();

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private void ReadKeys()
    {
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            _events.Add(new Event(Kind.Key, key.KeyChar));
        }
    }
}
