using System.Text.RegularExpressions;
using Course;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Coach;

/// <summary>What the coach draws. Every text from the course or the tests is escaped: a '[' in a message is not markup.</summary>
internal static class Views
{
    private const int BarWidth = 24;

    /// <summary>The progress bars, then the current kata (or a well done when there is none).</summary>
    public static IRenderable Status(Session session, KataRun? current, bool showTrace)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn().AddColumn(new GridColumn().RightAligned());
        foreach (var (name, katas) in session.Course.Sections.Select(s => ($"{s.Id[..2]}  {s.Title}", session.Course.InSection(s.Id).ToList()))
                     .Append(("All katas", session.Course.Katas.ToList())))
        {
            var done = katas.Count(kata => session.Progress.Known(kata) == true);
            var filled = katas.Count == 0 ? 0 : (int)Math.Round(BarWidth * (double)done / katas.Count);
            grid.AddRow(new Text(name), new Markup($"[green]{new string('━', filled)}[/][grey]{new string('━', BarWidth - filled)}[/]"), new Text($"{done} of {katas.Count}"));
        }
        return new Rows(grid, Text.Empty, current is null ? new Markup("[green]Every kata passes. Well done![/]") : Kata(session, current, showTrace));
    }

    private static Panel Kata(Session session, KataRun run, bool showTrace)
    {
        var (kata, section) = (run.Kata, session.Course.SectionOf(run.Kata));
        var facts = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn()
            .AddRow(new Markup("[grey]Edit[/]"), new Markup(string.Join(", ", kata.KataPaths.Select(p => $"[blue]{Markup.Escape(p)}[/]"))))
            .AddRow(new Markup("[grey]Read[/]"), new Markup($"notebooks/{Markup.Escape(section.Notebook)}, the cell that starts with [blue]// {Markup.Escape(kata.Cell)}[/]"))
            .AddRow(new Markup("[grey]Tests[/]"), new Markup($"{Markup.Escape(kata.TestClass)}: {Markup.Escape(kata.Checks.Replace("`", ""))}"));
        List<IRenderable> rows = [facts, Text.Empty, .. Outcome(run, showTrace), new Markup($"[grey](compiled and tested in {run.Took.TotalSeconds:0.0} s)[/]")];
        if (session.Progress.HintsShown(kata) is var shown and > 0)
        {
            rows.AddRange([Text.Empty, Hints(kata, shown)]);
        }
        var header = $"Kata {session.Course.Position(kata)} of {session.Course.InSection(kata.Section).Count()} in {section.Title}: {kata.Title} ({kata.Id})";
        return new Panel(new Rows(rows)) { Header = new PanelHeader(Markup.Escape(header)), Border = BoxBorder.Rounded, Expand = true };
    }

    private static IEnumerable<IRenderable> Outcome(KataRun run, bool showTrace)
    {
        if (run.State == KataState.Passed)
        {
            yield return new Markup($"[green]✓ All {run.TestCount} tests pass.[/]");
        }
        else if (run.State != KataState.Failed || run.FirstFailure is not { } failure)
        {
            yield return new Markup(run.State switch
            {
                KataState.DoesNotCompile => "[red]✗ Your code does not compile yet:[/]",
                KataState.Broken => "[red]✗ The tests could not run:[/]",
                _ => "[red]✗ The tests did not pass.[/]",
            });
            yield return new Text(run.Detail ?? "", new Style(run.State == KataState.DoesNotCompile ? Color.Red : Color.Default));
        }
        else
        {
            yield return new Markup($"[red]✗[/] Test {run.FailedAt} of {run.TestCount}, [bold]{Markup.Escape(failure.Sentence)}[/], fails:");
            yield return new Padder(new Text(Friendly(failure.Message)), new Padding(2, 0, 0, 0));
            if (showTrace && failure.Stack is { Length: > 0 } stack)
            {
                yield return new Padder(new Text(stack, new Style(Color.Grey)), new Padding(2, 0, 0, 0));
            }
        }
    }

    public static IRenderable Hints(CourseKata kata, int shown) =>
        new Rows(kata.Hints.Take(shown).Select((hint, i) =>
            new Markup($"[yellow]Hint {i + 1} of {kata.Hints.Count}{(i == kata.Hints.Count - 1 ? " (the recipe)" : "")}:[/] {Markup.Escape(hint)}")));

    /// <summary>One line for a kata: done, todo, or not run (when that is not known without running its tests).</summary>
    public static string Line(CourseKata kata, bool? done, string? why = null) =>
        $"{done switch { true => "[green]done[/]", false => "[yellow]todo[/]", null => "[grey]not run[/]" }}  {Markup.Escape($"{kata.Section}/{kata.Id}  {why ?? kata.Title}")}";

    // An untouched stub's message repeats what the panel already says: keep only who is waiting.
    // Other messages lose only xunit's "Exception.Type : " prefix when it is an exception the learner did not throw on purpose.
    private static string Friendly(string? message)
    {
        var text = FirstLines(message, 8);
        var stub = Regex.Match(text, @"\): (.+?) is waiting for you\.");
        if (text.StartsWith("System.NotImplementedException", StringComparison.Ordinal) && stub.Success)
        {
            return $"Not started yet: {stub.Groups[1].Value} is waiting for you (it still throws Todo.Kata()). Read the cell, then write it; press h for a hint.";
        }
        return text.StartsWith("Xunit.Sdk.", StringComparison.Ordinal) && text.IndexOf(" : ", StringComparison.Ordinal) is var at and > 0 ? text[(at + 3)..] : text;
    }

    public static string FirstLines(string? text, int count)
    {
        var lines = (text ?? "").Trim().Split('\n').Select(l => l.TrimEnd()).ToList();
        return lines.Count <= count ? string.Join('\n', lines) : string.Join('\n', lines.Take(count)) + "\n...";
    }
}
