// Why this program: a learner (or CI) can run a notebook without an editor, on the kernel VS Code and Jupyter
// use (see tools/NotebookHost); the description below says what it prints and when it fails.

using System.CommandLine;
using System.CommandLine.Help;
using System.Globalization;
using System.Text.RegularExpressions;
using NotebookHost;
using Spectre.Console;

var notebooks = new Argument<string[]>("notebooks") { Description = "The .dib (or .ipynb) files to run." };
notebooks.Validators.Add(result =>
{
    if (result.Tokens.FirstOrDefault(token => token.Value.StartsWith('-')) is { } unknown)
    {
        result.AddError($"unknown option '{unknown.Value}'");
    }
});
var allOption = new Option<bool>("--all") { Description = "Run every notebook in the repository's notebooks/ folder." };
var keepGoingOption = new Option<bool>("--keep-going") { Description = "Run the cells after a failing cell too (not after a cell that hung)." };
var exportOption = new Option<bool>("--export") { Description = "After a green run, write the .ipynb beside each .dib, its outputs scrubbed as the snapshots are (tests/Notebooks.Tests/README.md)." };
var timeoutOption = new Option<double>("--timeout")
{
    Description = "Seconds one cell may run before it is cancelled.",
    HelpName = "s",
    DefaultValueFactory = _ => RunOptions.DefaultCellTimeout.TotalSeconds,
    CustomParser = result =>
    {
        if (double.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return seconds;
        }
        result.AddError($"--timeout takes a number of seconds above 0, not '{result.Tokens[0].Value}'");
        return default;
    },
};
var noColorOption = new Option<bool>("--no-color") { Description = "Plain text even in a terminal (also NO_COLOR=1, and whenever the output is redirected)." };
var command = new RootCommand("""
    Runs notebooks without an editor: every C# cell in order on .NET Interactive's C# kernel (the kernel of Polyglot
    Notebooks and of the .net-csharp Jupyter kernel), printing the markdown, the code and what each cell printed and
    displayed. Like Run All, it stops at the first failing cell. From the repository:
      dotnet run --project tools/Notebook -- [options] notebooks/01-generators.dib [more.dib ...]

    Exit code: 0 when every code cell ran green, 1 when a cell failed or was not run, 2 for a usage error.

    In a notebook, as in VS Code: cells share one C# 14 session with top-level await, #r "nuget: Name, Version"
    restores a package, and #r "library.dll" is relative to the notebook's folder. Mermaid cells are shown as text;
    a chart (an image/svg+xml output) is written to artifacts/charts/<notebook name>/cell-<N>.svg.
    """)
{
    notebooks, allOption, keepGoingOption, exportOption, timeoutOption, noColorOption,
};
var parsed = command.Parse(args);
if (parsed.Errors.Count > 0)
{
    Console.Error.WriteLine($"notebook: {parsed.Errors[0].Message} (see --help)");
    return 2;
}
if (parsed.Action != null)
{
    return parsed.Invoke(); // --help or --version
}

var stdout = Console.Out; // the kernel redirects Console while a cell runs: console text is written here
AnsiConsole.Profile.Width = int.MaxValue; // a long error line stays one line, as in a log
AnsiConsole.Profile.Capabilities.Ansi &= !parsed.GetValue(noColorOption);
var files = new List<string>(parsed.GetValue(notebooks) ?? []);
var all = parsed.GetValue(allOption);
var export = parsed.GetValue(exportOption);

// The repository is above the current folder, or above this tool.
var root = Course.CourseManifest.FindRoot(Environment.CurrentDirectory) ?? Course.CourseManifest.FindRoot(AppContext.BaseDirectory);
if (all && root == null)
{
    Console.Error.WriteLine("notebook: --all looks for the repository's notebooks/ folder, but no folder above this one holds katas/course.json.");
    return 2;
}
if (all)
{
    files.AddRange(Directory.GetFiles(Path.Combine(root!, "notebooks"), "*.dib").Order(StringComparer.Ordinal));
}
if (export && files.FirstOrDefault(f => !f.EndsWith(".dib", StringComparison.OrdinalIgnoreCase)) is { } notDib)
{
    Console.Error.WriteLine($"notebook: --export writes the .ipynb twin of a .dib file, but '{notDib}' is not a .dib.");
    return 2;
}
if (files.Count == 0)
{
    new HelpAction().Invoke(parsed);
    return 2;
}

var failedNotebooks = new List<string>();
var anyHung = false;
foreach (var file in files)
{
    var display = DisplayPath(file);
    Say("bold", $"\n━━━ {display} ━━━");
    NotebookResult result;
    try
    {
        result = await NotebookRunner.RunFileAsync(file, display, new RunOptions(
            TimeSpan.FromSeconds(parsed.GetValue(timeoutOption)),
            KeepGoing: parsed.GetValue(keepGoingOption),
            CellStarting: ShowCell,
            ConsoleWritten: text => { stdout.Write(text); stdout.Flush(); },
            CellFinished: cell => ShowEnd(cell, SvgFiles.FolderFor(root ?? Environment.CurrentDirectory, file))));
    }
    catch (NotebookFormatException e)
    {
        Say("red", e.Message);
        failedNotebooks.Add(display);
        continue;
    }
    anyHung |= result.TimedOut;
    Say(result.Succeeded ? "green" : "red", $"\n{display}: {result.Summary}");
    if (!result.Succeeded)
    {
        failedNotebooks.Add(display);
    }

    var twin = Path.ChangeExtension(file, ".ipynb");
    if (export && result.Succeeded)
    {
        File.WriteAllText(twin, Ipynb.Export(result));
        Say("green", $"wrote {DisplayPath(twin)}");
    }
    else if (export)
    {
        Say("red", $"{display}: not exported; only a green run is written to {DisplayPath(twin)}.");
    }
}

if (files.Count > 1)
{
    Say(failedNotebooks.Count == 0 ? "green" : "red", failedNotebooks.Count == 0
        ? $"\n{files.Count} notebooks: all green."
        : $"\n{files.Count} notebooks, {failedNotebooks.Count} with problems: {string.Join(", ", failedNotebooks)}");
}
var exitCode = failedNotebooks.Count == 0 ? 0 : 1;
// A cell that never ended still holds a thread that would keep the process alive: leave at once.
if (anyHung)
{
    Environment.Exit(exitCode);
}

return exitCode;

void ShowCell(Cell cell)
{
    AnsiConsole.WriteLine();
    if (cell.Kernel == "markdown")
    {
        ShowMarkdown(cell.Text);
        return;
    }

    Say("dim", cell.IsCSharp ? $"┌─ cell {cell.Number} ─ C#" : $"[{cell.Kernel} cell: VS Code and Jupyter show it; not run here]");
    foreach (var line in cell.Lines)
    {
        AnsiConsole.MarkupLine(cell.IsCSharp ? $"[dim]│[/] [cyan]{Markup.Escape(line)}[/]" : $"[dim]    {Markup.Escape(line)}[/]");
    }

    if (cell.IsCSharp)
    {
        Say("dim", "└─ output:");
    }
}

// Markdown is made to be read as plain text: it is shown as written, with headings, inline code and bold styled.
void ShowMarkdown(string markdown)
{
    foreach (var line in markdown.Split('\n').Select(Markup.Escape))
    {
        AnsiConsole.MarkupLine(line.StartsWith('#')
            ? $"[bold underline cyan]{line}[/]"
            : Regex.Replace(Regex.Replace(line, "`[^`]+`", "[cyan]$0[/]"), @"\*\*(.+?)\*\*", "[bold]$1[/]"));
    }
}

void ShowEnd(CellResult cell, string chartFolder)
{
    // Console text was shown as it came; values and displays are shown once the cell has ended.
    if (cell.Outputs.LastOrDefault(o => o.IsConsole) is { } console && !console.Text.EndsWith('\n'))
    {
        stdout.WriteLine();
    }

    foreach (var value in cell.Outputs.Where(o => !o.IsConsole))
    {
        stdout.WriteLine(value.Text);
    }
    // A chart cannot be drawn in a terminal: its SVG goes to a file, whose path is printed.
    foreach (var svg in SvgFiles.Write(cell, chartFolder))
    {
        Say("dim", $"   chart: {DisplayPath(svg)}");
    }

    foreach (var warning in cell.Warnings)
    {
        Say("yellow", warning);
    }

    foreach (var error in cell.Errors)
    {
        Say("red", error);
    }

    var mark = cell.Status switch
    {
        CellStatus.Passed => "[green]✓[/]",
        CellStatus.NotRun => "[yellow]– not run[/]",
        _ => "[red]✗[/]",
    };
    AnsiConsole.MarkupLine($"   {mark} [dim]{cell.Elapsed.TotalSeconds:0.0} s[/]");
}

void Say(string style, string text) => AnsiConsole.MarkupLine($"[{style}]{Markup.Escape(text)}[/]");

// A path relative to the repository, with forward slashes, or as given when it is outside.
string DisplayPath(string file)
{
    var relative = root == null ? file : Path.GetRelativePath(root, Path.GetFullPath(file));
    return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace('\\', '/');
}
