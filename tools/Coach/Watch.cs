using Spectre.Console;

namespace Coach;

/// <summary>
/// The watch view: progress, the current kata and its first failing test; reruns that kata each time a file under
/// katas/ is saved. Keys: h hint (one more each time), l list, n next kata (skip this one), t stack trace, q quit.
/// It looks at the files' sizes and times five times a second instead of waiting for file events, which do not arrive
/// everywhere (Docker bind mounts, WSL on a Windows drive, some network drives).
/// </summary>
internal sealed class Watch(Session session, IAnsiConsole console, bool trace)
{
    private string? _banner;
    private string[] _ranWith = [];

    public int Run()
    {
        _ranWith = Snapshot();
        Draw(null, "Running the tests of the first kata that does not pass yet ...");
        var current = session.Current();
        while (true)
        {
            Draw(current, null);
            if (WaitForSave())
            {
                current = Rerun(current);
                continue;
            }
            switch (char.ToLowerInvariant(Console.ReadKey(intercept: true).KeyChar))
            {
                case 'q':
                    return 0;
                case 'h' when current is not null:
                    session.Progress.ShowOneMoreHint(current.Kata);
                    break;
                case 'l':
                    console.Clear();
                    foreach (var kata in session.Course.Katas)
                    {
                        console.MarkupLine(Views.Line(kata, session.Progress.Known(kata)));
                    }
                    console.MarkupLine("[grey]Press any key to go back.[/]");
                    Console.ReadKey(intercept: true);
                    break;
                case 'n' when current is not null:
                    session.Skip(current.Kata);
                    _banner = $"[grey]Skipped {Markup.Escape(current.Kata.Id)} for now; it comes back when you start the coach again.[/]";
                    Draw(current, "Running the tests of the next kata ...");
                    current = session.Current();
                    break;
                case 't':
                    trace = !trace;
                    break;
            }
        }
    }

    private KataRun? Rerun(KataRun? current)
    {
        _banner = null;
        if (current is null)
        {
            return session.Current(); // every kata passed: find the one the save changed
        }
        Draw(current, $"Saved: running the tests of {current.Kata.Id} ...");
        var run = session.Run(current.Kata);
        if (!run.Passed)
        {
            return run;
        }
        _banner = $"[green]✓ {Markup.Escape(run.Kata.Id)} passes![/] [grey]To see the reference and the classic wrong answers: dotnet run --project tools/Coach -- solution {Markup.Escape(run.Kata.Id)}[/]";
        Draw(null, "Running the tests of the next kata ..."); // the verdict first, before the next kata's run
        return session.Current();
    }

    // True once the files have changed since the last run and then stayed the same for a tick (an editor saves in
    // several steps, and sometimes two files); false as soon as a key is pressed.
    private bool WaitForSave()
    {
        var seen = Snapshot();
        while (!Console.KeyAvailable)
        {
            Thread.Sleep(200);
            var now = Snapshot();
            if (now.SequenceEqual(seen) && !now.SequenceEqual(_ranWith))
            {
                _ranWith = now;
                return true;
            }
            seen = now;
        }
        return false;
    }

    private void Draw(KataRun? current, string? working)
    {
        console.Clear();
        console.Write(new Rule("[bold]Coach[/]: Asynchronous Programming and Concurrency in C#").LeftJustified());
        if (_banner is not null)
        {
            console.MarkupLine(_banner);
        }
        if (current is not null || working is null)
        {
            console.Write(Views.Status(session, current, trace));
        }
        console.MarkupLine(working is not null ? $"[grey]{Markup.Escape(working)}[/]"
            : "[grey]Watching katas/ (save to rerun)[/]  [bold]h[/] hint  [bold]l[/] list  [bold]n[/] next kata  [bold]t[/] trace  [bold]q[/] quit");
    }

    // The .cs files under katas/ (not the build output), with their sizes and times.
    private string[] Snapshot() =>
        [.. Directory.EnumerateFiles(Path.Combine(session.Root, "katas"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !PreparedSection.IsBuildOutput(Path.GetRelativePath(session.Root, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => new FileInfo(path) is { Exists: true } file ? $"{path} {file.Length} {file.LastWriteTimeUtc.Ticks}" : path)];
}
