using System.Diagnostics;
using Course;
using KataCheck;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Coach;

internal static class Commands
{
    /// <summary>No command and no terminal: the progress and the current kata, once.</summary>
    public static int Status(Session session, IAnsiConsole console, bool trace)
    {
        var current = session.Current();
        console.Write(Views.Progress(session));
        console.WriteLine();
        if (current is null)
        {
            console.MarkupLine("[green]Every kata passes. Well done![/]");
            return 0;
        }
        console.Write(Views.Kata(session, current, session.Progress.HintsShown(current.Kata), trace));
        return 1;
    }

    /// <summary>Every kata, one line each. Katas changed since their last run are run now.</summary>
    public static int List(Session session, IAnsiConsole console, bool interactive)
    {
        var status = session.Course.Katas.ToDictionary(k => k.Id, k => session.IsDone(k));
        if (interactive)
        {
            console.Write(Views.List(session, k => status[k.Id]));
        }
        else
        {
            foreach (var kata in session.Course.Katas)
            {
                Console.WriteLine($"{(status[kata.Id] ? "done" : "todo")}  {kata.Section}/{kata.Id}  {kata.Title}");
            }
        }
        return status.Values.All(done => done) ? 0 : 1;
    }

    /// <summary>Runs every kata's tests afresh, whatever the coach remembers.</summary>
    public static int Check(Session session, IAnsiConsole console, bool interactive)
    {
        var failed = 0;
        foreach (var kata in session.Course.Katas)
        {
            var run = session.Run(kata);
            failed += run.Passed ? 0 : 1;
            var why = run.Passed ? "" : "  " + OneLine(run);
            if (interactive)
            {
                console.MarkupLine($"{(run.Passed ? "[green]done[/]" : "[yellow]todo[/]")}  {Markup.Escape($"{kata.Section}/{kata.Id}")}[grey]{Markup.Escape(why)}[/]");
            }
            else
            {
                Console.WriteLine($"{(run.Passed ? "done" : "todo")}  {kata.Section}/{kata.Id}{why}");
            }
        }
        var summary = $"coach: {session.Course.Katas.Count - failed} of {session.Course.Katas.Count} katas pass";
        Console.WriteLine(summary);
        return failed == 0 ? 0 : 1;
    }

    private static string OneLine(KataRun run) => run.State switch
    {
        KataState.DoesNotCompile => "does not compile: " + Views.FirstLines(run.Detail, 1),
        _ when run.FirstFailure is { } failure => $"{failure.Sentence}: {Views.FirstLines(failure.Message, 1)}",
        _ => Views.FirstLines(run.Detail, 1),
    };

    /// <summary>One more hint each time, from a nudge to the recipe. Without a kata: the first one not done.</summary>
    public static int Hint(Session session, IAnsiConsole console, CourseKata? kata)
    {
        kata ??= session.Course.Katas.FirstOrDefault(k => session.Known(k) != true)
            ?? throw new CoachException("Every kata passes: there is nothing left to hint at. Name a kata to see its hints again.", 2);
        var shown = session.Progress.ShowOneMoreHint(kata);
        console.MarkupLine($"[bold]{Markup.Escape(kata.Id)}[/]: {Markup.Escape(kata.Title)}");
        console.Write(Views.Hints(kata, shown));
        console.WriteLine();
        if (shown < kata.Hints.Count)
        {
            console.MarkupLine($"[grey]Ask again for the next hint ({kata.Hints.Count - shown} more).[/]");
        }
        return 0;
    }

    /// <summary>Puts the kata's stub files back as git has them: the newest committed version that is still a stub.</summary>
    public static int Reset(Session session, IAnsiConsole console, CourseKata kata, bool yes, bool interactive)
    {
        var stubs = kata.KataPaths.Select(path => (Path: path, Stub: Git.NewestStub(session.Root, path))).ToList();
        if (stubs.FirstOrDefault(s => s.Stub is null) is { Path: not null } missing)
        {
            throw new CoachException($"git has no stub of {missing.Path} (is this a git clone?).");
        }
        console.MarkupLine($"This puts back the stub of {Markup.Escape(string.Join(", ", kata.KataPaths))}. Your own code in those files is lost.");
        if (!yes)
        {
            if (!interactive)
            {
                throw new CoachException("Add --yes to reset without a terminal to ask in.", 2);
            }
            if (!console.Confirm("Reset?", defaultValue: false))
            {
                console.MarkupLine("Nothing changed.");
                return 0;
            }
        }
        foreach (var (path, stub) in stubs)
        {
            File.WriteAllText(Path.Combine(session.Root, path), stub);
        }
        session.Progress.Forget(kata);
        console.MarkupLine($"[green]{Markup.Escape(kata.Id)} is a stub again.[/]");
        return 0;
    }

    /// <summary>The reference solution, then a few classic wrong answers, each beside what the reference does instead.</summary>
    public static int Solution(Session session, IAnsiConsole console, CourseKata kata, bool force)
    {
        if (!force && session.Known(kata) != true && !session.IsDone(kata, fresh: true))
        {
            console.MarkupLine($"[yellow]{Markup.Escape(kata.Id)} does not pass yet, so the coach keeps its solution to itself.[/] " +
                               "Try a hint first (hint), or add --force if you really want to see it now.");
            return 1;
        }
        foreach (var path in kata.SolutionPaths)
        {
            var full = Path.Combine(session.Root, path);
            console.Write(new Panel(new Text(File.ReadAllText(full))) { Header = new PanelHeader(Markup.Escape(path)), Expand = true });
        }
        WrongAnswers(session, console, kata);
        return 0;
    }

    private static void WrongAnswers(Session session, IAnsiConsole console, CourseKata kata, int most = 3)
    {
        var answers = WrongAnswer.ReadCorpus(session.Root).Where(a => a.Section == kata.Section && a.Kata == kata.Id).Take(most).ToList();
        if (answers.Count == 0)
        {
            return;
        }
        console.WriteLine();
        console.Write(new Rule($"Classic wrong answers to {Markup.Escape(kata.Id)}, and why the tests reject them").LeftJustified());
        foreach (var answer in answers)
        {
            var reference = Path.Combine(session.Root, "solutions", kata.Section, answer.Replaces);
            var (wrong, right) = LineDiff.Between(File.ReadAllLines(answer.Path), File.Exists(reference) ? File.ReadAllLines(reference) : []);
            console.WriteLine();
            console.MarkupLine($"❌ [red]{Markup.Escape(answer.Description)}[/]");
            console.Write(Code(wrong));
            console.MarkupLine($"   [grey]Why it fails:[/] {Markup.Escape(answer.WhyItFails)}");
            console.MarkupLine($"✅ [green]The reference ({Markup.Escape($"solutions/{kata.Section}/{answer.Replaces}")}) does this instead:[/]");
            console.Write(Code(right));
        }
    }

    private static IRenderable Code(IReadOnlyList<string> lines) =>
        new Padder(new Text(lines.Count == 0 ? "(nothing different)" : string.Join('\n', lines), new Style(Color.Grey)), new Padding(3, 0, 0, 0));
}

/// <summary>Which lines one file has that the other has not, in order, leaving out comments and blank lines.</summary>
internal static class LineDiff
{
    public static (IReadOnlyList<string> OnlyInFirst, IReadOnlyList<string> OnlyInSecond) Between(IReadOnlyList<string> first, IReadOnlyList<string> second, int most = 12)
    {
        static bool Code(string line) => line.Trim().Length > 0 && !line.TrimStart().StartsWith("//", StringComparison.Ordinal);
        var a = first.Where(Code).ToList();
        var b = second.Where(Code).ToList();
        var inA = a.Select(l => l.Trim()).ToHashSet();
        var inB = b.Select(l => l.Trim()).ToHashSet();
        return (a.Where(l => !inB.Contains(l.Trim())).Take(most).ToList(), b.Where(l => !inA.Contains(l.Trim())).Take(most).ToList());
    }
}

internal static class Git
{
    /// <summary>The newest committed version of <paramref name="path"/> that still throws Todo.Kata(), or null.</summary>
    public static string? NewestStub(string root, string path)
    {
        var commits = Run(root, "log", "--format=%H", "--", path);
        if (commits is null)
        {
            return null;
        }
        foreach (var commit in commits.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Run(root, "show", $"{commit}:{path}") is { } text && text.Contains("Todo.Kata(", StringComparison.Ordinal))
            {
                return text;
            }
        }
        return null;
    }

    private static string? Run(string root, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on the PATH
        }
    }
}
