using Course;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Coach;

/// <summary>What the coach draws. Every text from the course or the tests is escaped: a '[' in a message is not markup.</summary>
internal static class Views
{
    private const int BarWidth = 24;

    public static IRenderable Progress(Session session)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn().AddColumn(new GridColumn().RightAligned());
        foreach (var section in session.Course.Sections)
        {
            var katas = session.Course.InSection(section.Id).ToList();
            var done = session.DoneCount(katas);
            grid.AddRow(new Markup(Markup.Escape($"{section.Id[..2]}  {section.Title}")), Bar(done, katas.Count), new Markup($"{done} of {katas.Count}"));
        }
        var all = session.Course.Katas.Count;
        var allDone = session.DoneCount(session.Course.Katas);
        grid.AddRow(new Markup("[bold]All katas[/]"), Bar(allDone, all), new Markup($"[bold]{allDone} of {all}[/]"));
        return grid;
    }

    private static Markup Bar(int done, int total)
    {
        var filled = total == 0 ? 0 : (int)Math.Round(BarWidth * (double)done / total);
        return new Markup($"[green]{new string('━', filled)}[/][grey]{new string('━', BarWidth - filled)}[/]");
    }

    public static IRenderable Kata(Session session, KataRun run, int hintsShown, bool showTrace)
    {
        var kata = run.Kata;
        var section = session.Course.SectionOf(kata);
        var facts = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        facts.AddRow(new Markup("[grey]Edit[/]"), new Markup(string.Join(", ", kata.KataPaths.Take(kata.Section.StartsWith("04-", StringComparison.Ordinal) ? 4 : 1).Select(p => $"[blue]{Markup.Escape(p)}[/]"))));
        facts.AddRow(new Markup("[grey]Read[/]"), new Markup($"notebooks/{Markup.Escape(section.Notebook)}, the cell that starts with [blue]// {Markup.Escape(kata.Cell)}[/]"));
        facts.AddRow(new Markup("[grey]Tests[/]"), new Markup($"{Markup.Escape(kata.TestClass)}: {Markup.Escape(kata.Checks.Replace("`", ""))}"));
        var rows = new List<IRenderable> { facts, Text.Empty };
        rows.AddRange(Outcome(run, showTrace));
        rows.Add(new Markup($"[grey](compiled and tested in {run.Took.TotalSeconds:0.0} s)[/]"));
        if (hintsShown > 0)
        {
            rows.Add(Text.Empty);
            rows.Add(Hints(kata, hintsShown));
        }
        var header = $"Kata {session.Course.Position(kata)} of {session.Course.InSection(kata.Section).Count()} in {section.Title}: {kata.Title} ({kata.Id})";
        return new Panel(new Rows(rows)) { Header = new PanelHeader(Markup.Escape(header)), Border = BoxBorder.Rounded, Expand = true };
    }

    private static IEnumerable<IRenderable> Outcome(KataRun run, bool showTrace)
    {
        switch (run.State)
        {
            case KataState.Passed:
                yield return new Markup($"[green]✓ All {run.TestCount} tests pass.[/]");
                break;
            case KataState.DoesNotCompile:
                yield return new Markup("[red]✗ Your code does not compile yet:[/]");
                yield return new Text(run.Detail ?? "", new Style(Color.Red));
                break;
            case KataState.Broken:
                yield return new Markup("[red]✗ The tests could not run:[/]");
                yield return new Text(run.Detail ?? "");
                break;
            default:
                if (run.FirstFailure is { } failure)
                {
                    yield return new Markup($"[red]✗[/] Test {run.FailedAt} of {run.TestCount}, [bold]{Markup.Escape(failure.Sentence)}[/], fails:");
                    yield return new Padder(new Text(Friendly(failure.Message)), new Padding(2, 0, 0, 0));
                    if (showTrace && failure.Stack is { Length: > 0 } stack)
                    {
                        yield return new Padder(new Text(stack, new Style(Color.Grey)), new Padding(2, 0, 0, 0));
                    }
                }
                else
                {
                    yield return new Text(run.Detail ?? "The tests did not pass.");
                }
                break;
        }
    }

    public static IRenderable Hints(CourseKata kata, int shown)
    {
        var rows = kata.Hints.Take(shown).Select((hint, i) =>
            (IRenderable)new Markup($"[yellow]Hint {i + 1} of {kata.Hints.Count}{(i == kata.Hints.Count - 1 ? " (the recipe)" : "")}:[/] {Markup.Escape(hint)}"));
        return new Rows(rows);
    }

    public static IRenderable List(Session session, Func<CourseKata, bool?> status)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("#").AddColumn("kata").AddColumn("what it teaches").AddColumn("status");
        foreach (var section in session.Course.Sections)
        {
            table.AddRow(new Markup($"[bold]{section.Id[..2]}[/]"), new Markup($"[bold]{Markup.Escape(section.Title)}[/]"), Text.Empty, Text.Empty);
            foreach (var kata in session.Course.InSection(section.Id))
            {
                var state = status(kata) switch { true => "[green]done[/]", false => "[yellow]todo[/]", null => "[grey]not run[/]" };
                table.AddRow(new Text($"{session.Course.Position(kata)}"), new Text(kata.Id), new Text(kata.Title), new Markup(state));
            }
        }
        return table;
    }

    // An untouched stub's message repeats what the panel already says: keep only who is waiting.
    // Other messages lose only xunit's "Exception.Type : " prefix when it is an exception the learner did not throw on purpose.
    private static string Friendly(string? message)
    {
        var text = FirstLines(message, 8);
        var stub = System.Text.RegularExpressions.Regex.Match(text, @"\): (.+?) is waiting for you\.");
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
