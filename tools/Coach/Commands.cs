using Course;
using KataCheck;
using Spectre.Console;

namespace Coach;

/// <summary>The commands. Without a terminal, <see cref="Program"/> gives them a console that prints plain text.</summary>
internal static class Commands
{
    /// <summary>No command and no terminal: the progress and the current kata, once.</summary>
    public static int Status(Session session, IAnsiConsole console, bool trace)
    {
        var current = session.Current();
        console.Write(Views.Status(session, current, trace));
        return current is null ? 0 : 1;
    }

    /// <summary>
    /// Every kata, one line each; exit code 0 only when all pass. list runs the katas changed since their last run;
    /// check runs every kata afresh, whatever the coach remembers, and says why each one that fails does.
    /// </summary>
    public static int List(Session session, IAnsiConsole console, bool check)
    {
        var passed = 0;
        foreach (var kata in session.Course.Katas)
        {
            var run = check || session.Progress.Known(kata) is null ? session.Run(kata) : null;
            var done = run?.Passed ?? session.Progress.Known(kata) == true;
            passed += done ? 1 : 0;
            console.MarkupLine(Views.Line(kata, done, check && !done ? Views.FirstLines(run!.State switch
            {
                KataState.DoesNotCompile => "does not compile: " + run.Detail,
                _ when run.FirstFailure is { } failure => $"{failure.Sentence}: {failure.Message}",
                _ => run.Detail,
            }, 1) : null));
        }
        if (check)
        {
            console.MarkupLine($"coach: {passed} of {session.Course.Katas.Count} katas pass");
        }
        return passed == session.Course.Katas.Count ? 0 : 1;
    }

    /// <summary>One more hint each time, from a nudge to the recipe. Without a kata: the first one not done.</summary>
    public static int Hint(Session session, IAnsiConsole console, CourseKata? kata)
    {
        kata ??= session.Course.Katas.FirstOrDefault(k => session.Progress.Known(k) != true)
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
        var stubs = kata.KataPaths.Select(path => (Path: path, Stub: NewestStub(session.Root, path))).ToList();
        if (stubs.FirstOrDefault(s => s.Stub is null) is { Path: not null } missing)
        {
            throw new CoachException($"git has no stub of {missing.Path} (is this a git clone?).");
        }
        console.MarkupLine($"This puts back the stub of {Markup.Escape(string.Join(", ", kata.KataPaths))}. Your own code in those files is lost.");
        if (!yes && !interactive)
        {
            throw new CoachException("Add --yes to reset without a terminal to ask in.", 2);
        }
        if (!yes && !console.Confirm("Reset?", defaultValue: false))
        {
            console.MarkupLine("Nothing changed.");
            return 0;
        }
        stubs.ForEach(s => File.WriteAllText(Path.Combine(session.Root, s.Path), s.Stub));
        session.Progress.Forget(kata);
        console.MarkupLine($"[green]{Markup.Escape(kata.Id)} is a stub again.[/]");
        return 0;
    }

    /// <summary>The newest committed version of <paramref name="path"/> that still throws Todo.Kata(), or null.</summary>
    private static string? NewestStub(string root, string path) =>
        Git(root, "log", "--format=%H", "--", path)?.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(commit => Git(root, "show", $"{commit}:{path}"))
            .FirstOrDefault(text => text?.Contains("Todo.Kata(", StringComparison.Ordinal) == true);

    private static string? Git(string root, params string[] arguments)
    {
        try
        {
            var (exitCode, output, _) = Processes.Run("git", arguments, root, TimeSpan.FromMinutes(1));
            return exitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on the PATH
        }
    }

    /// <summary>The reference solution, then a few classic wrong answers, each beside what the reference does instead.</summary>
    public static int Solution(Session session, IAnsiConsole console, CourseKata kata, bool force)
    {
        if (!force && session.Progress.Known(kata) != true && !session.Run(kata).Passed)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(kata.Id)} does not pass yet, so the coach keeps its solution to itself.[/] " +
                               "Try a hint first (hint), or add --force if you really want to see it now.");
            return 1;
        }
        foreach (var path in kata.SolutionPaths)
        {
            console.Write(new Panel(new Text(File.ReadAllText(Path.Combine(session.Root, path)))) { Header = new PanelHeader(Markup.Escape(path)), Expand = true });
        }
        var answers = WrongAnswer.ReadCorpus(session.Root).Where(a => a.Section == kata.Section && a.Kata == kata.Id).Take(3).ToList();
        if (answers.Count > 0)
        {
            console.WriteLine();
            console.Write(new Rule($"Classic wrong answers to {Markup.Escape(kata.Id)}, and why the tests reject them").LeftJustified());
        }
        foreach (var answer in answers)
        {
            var reference = $"solutions/{kata.Section}/{answer.Replaces}";
            var (wrong, right) = (CodeLines(answer.Path), CodeLines(Path.Combine(session.Root, reference)));
            console.WriteLine();
            console.MarkupLine($"❌ [red]{Markup.Escape(answer.Description)}[/]");
            console.Write(LinesOnlyIn(wrong, right));
            console.MarkupLine($"   [grey]Why it fails:[/] {Markup.Escape(answer.WhyItFails)}");
            console.MarkupLine($"✅ [green]The reference ({Markup.Escape(reference)}) does this instead:[/]");
            console.Write(LinesOnlyIn(right, wrong));
        }
        return 0;
    }

    // Comments and blank lines left out.
    private static string[] CodeLines(string path) =>
        File.Exists(path) ? [.. File.ReadLines(path).Where(line => line.Trim() is { Length: > 0 } code && !code.StartsWith("//", StringComparison.Ordinal))] : [];

    // The lines of one file that the other has not (whatever their indentation), in order, at most 12.
    private static Padder LinesOnlyIn(string[] lines, string[] others) =>
        new(new Text(lines.ExceptBy(others.Select(line => line.Trim()), line => line.Trim()).Take(12).ToArray() is { Length: > 0 } only
            ? string.Join('\n', only) : "(nothing different)", new Style(Color.Grey)), new Padding(3, 0, 0, 0));
}
