// Why this program: a learner (or CI) can run a notebook without an editor. It runs every C# cell on
// .NET Interactive's C# kernel (see tools/NotebookHost), as Run All does in VS Code or Jupyter, and
// prints each cell in order: markdown rendered for the terminal, the code, then what it printed, and
// a summary. The exit code is 0 only when every code cell ran green. --export also writes the .ipynb twin.

using NotebookHost;
using NotebookTerminal;

var stdout = Console.Out;
var style = new Style(!Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
var files = new List<string>();
var all = false;
var keepGoing = false;
var export = false;
var timeout = RunOptions.DefaultCellTimeout;

for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "-h" or "--help" or "-?":
            stdout.Write(Help());
            return 0;
        case "--all":
            all = true;
            break;
        case "--keep-going":
            keepGoing = true;
            break;
        case "--export":
            export = true;
            break;
        case "--no-color":
            style = new Style(false);
            break;
        case "--timeout" when i + 1 < args.Length && double.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
            timeout = TimeSpan.FromSeconds(seconds);
            i++;
            break;
        case var option when option.StartsWith('-'):
            Console.Error.WriteLine($"Unknown option '{option}' (or a missing value after it). Run with --help to see the options.");
            return 2;
        default:
            files.Add(args[i]);
            break;
    }
}

// The repository is above the current folder, or above this tool.
var root = Course.CourseManifest.FindRoot(Environment.CurrentDirectory) ?? Course.CourseManifest.FindRoot(AppContext.BaseDirectory);
if (all)
{
    if (root == null)
    {
        Console.Error.WriteLine("--all looks for the repository's notebooks/ folder, but no folder above this one holds katas/course.json.");
        return 2;
    }
    files.AddRange(Directory.GetFiles(Path.Combine(root, "notebooks"), "*.dib").Order(StringComparer.Ordinal));
}
if (export && files.FirstOrDefault(f => !f.EndsWith(".dib", StringComparison.OrdinalIgnoreCase)) is { } notDib)
{
    Console.Error.WriteLine($"--export writes the .ipynb twin of a .dib file, but '{notDib}' is not a .dib.");
    return 2;
}
if (files.Count == 0)
{
    stdout.Write(Help());
    return 2;
}

var markdown = new TerminalMarkdown(style);
var anyHung = false;
var failedNotebooks = new List<string>();
foreach (var file in files)
{
    var display = DisplayPath(file, root);
    stdout.WriteLine();
    stdout.WriteLine(style.Bold($"━━━ {display} ━━━"));
    if (!File.Exists(file))
    {
        stdout.WriteLine(style.Red($"{display}: no such file."));
        failedNotebooks.Add(display);
        continue;
    }

    NotebookResult result;
    try
    {
        var notebook = NotebookFile.Read(file, display);
        result = await NotebookRunner.RunAsync(notebook, new RunOptions
        {
            CellTimeout = timeout,
            KeepGoing = keepGoing,
            CellStarting = ShowCell,
            ConsoleWritten = text => { stdout.Write(text); stdout.Flush(); },
            CellFinished = cell => ShowEnd(cell, SvgFiles.FolderFor(root ?? Environment.CurrentDirectory, file)),
        });
    }
    catch (NotebookFormatException e)
    {
        stdout.WriteLine(style.Red(e.Message));
        failedNotebooks.Add(display);
        continue;
    }
    anyHung |= result.TimedOut;

    stdout.WriteLine();
    var summary = $"{display}: {result.Summary}";
    stdout.WriteLine(result.Succeeded ? style.Green(summary) : style.Red(summary));
    if (!result.Succeeded)
    {
        failedNotebooks.Add(display);
        if (export)
        {
            stdout.WriteLine(style.Red($"{display}: not exported; only a green run is written to {DisplayPath(Ipynb.PathFor(file), root)}."));
        }
    }
    else if (export)
    {
        var target = Ipynb.PathFor(file);
        File.WriteAllText(target, Ipynb.Export(result));
        stdout.WriteLine(style.Green($"wrote {DisplayPath(target, root)}"));
    }
}

if (files.Count > 1)
{
    stdout.WriteLine();
    stdout.WriteLine(failedNotebooks.Count == 0
        ? style.Green($"{files.Count} notebooks: all green.")
        : style.Red($"{files.Count} notebooks, {failedNotebooks.Count} with problems: {string.Join(", ", failedNotebooks)}"));
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
    stdout.WriteLine();
    switch (cell.Kernel)
    {
        case "markdown":
            stdout.WriteLine(markdown.Render(cell.Text));
            break;
        case NotebookFile.CSharp:
            stdout.WriteLine(style.Dim($"┌─ cell {cell.Number} ─ C#"));
            foreach (var line in cell.Lines)
            {
                stdout.WriteLine(style.Dim("│ ") + style.Code(line));
            }

            stdout.WriteLine(style.Dim("└─ output:"));
            break;
        default:
            stdout.WriteLine(style.Dim($"[{cell.Kernel} cell: VS Code and Jupyter show it; not run here]"));
            foreach (var line in cell.Lines)
            {
                stdout.WriteLine(style.Dim("    " + line));
            }

            break;
    }
    stdout.Flush();
}

void ShowEnd(CellResult cell, string chartFolder)
{
    // Console text was shown as it came; values and displays are shown once the cell has ended.
    var console = string.Concat(cell.Outputs.Where(o => o.IsConsole).Select(o => o.Text));
    if (console.Length > 0 && !console.EndsWith('\n'))
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
        stdout.WriteLine(style.Dim($"   chart: {DisplayPath(svg, root)}"));
    }

    foreach (var warning in cell.Warnings)
    {
        stdout.WriteLine(style.Yellow(warning));
    }

    foreach (var error in cell.Errors)
    {
        stdout.WriteLine(style.Red(error));
    }

    var mark = cell.Status switch
    {
        CellStatus.Passed => style.Green("✓"),
        CellStatus.NotRun => style.Yellow("– not run"),
        _ => style.Red("✗"),
    };
    stdout.WriteLine(style.Dim($"   {mark} {cell.Elapsed.TotalSeconds:0.0} s"));
    stdout.Flush();
}

static string DisplayPath(string file, string? root)
{
    var full = Path.GetFullPath(file);
    var relative = root == null ? file : Path.GetRelativePath(root, full);
    return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace('\\', '/');
}

static string Help() => $"""
    Runs notebooks without an editor: every C# cell in order on .NET Interactive's C# kernel (the kernel
    of Polyglot Notebooks and of the .net-csharp Jupyter kernel), printing the markdown, the code and
    what each cell printed and displayed. Like Run All, it stops at the first failing cell.

    Usage:
      dotnet run --project tools/Notebook -- notebooks/01-generators.dib [more.dib ...]
      dotnet run --project tools/Notebook -- --all
      dotnet run --project tools/Notebook -- --export notebooks/01-generators.dib

    Options:
      --all            run every notebook in the repository's notebooks/ folder
      --keep-going     run the cells after a failing cell too (not after a cell that hung)
      --export         after a green run, write the .ipynb beside each .dib, with its outputs scrubbed
      --timeout <s>    seconds one cell may run before it is cancelled (default {RunOptions.DefaultCellTimeout.TotalSeconds:0})
      --no-color       plain text even in a terminal (colors are off anyway when the output is redirected)
      -h, --help       this text

    Exit code: 0 when every code cell ran green, 1 when a cell failed or was not run, 2 for a usage error.

    In a notebook (as in VS Code): cells share one C# session; top-level await works; C# 14.
      Imported for you: System, System.Text, System.Collections, System.Collections.Generic,
      System.Threading.Tasks, System.Linq. Others need a using (System.Threading, System.IO, ...).
      #r "nuget: Name, Version"   restores the package from NuGet, as the kernel does in VS Code
      #r "path/to/library.dll"    relative to the notebook's folder
      Mermaid cells are drawn by VS Code and Jupyter; here they are shown as text.
      A chart (an image/svg+xml output) is written to artifacts/charts/<notebook name>/cell-<N>.svg,
      and its path is printed after the chart's description.
      Magic commands of the dotnet-interactive tool (#!time, #!set, ...) are not available here.

    Snapshots (tests/Notebooks.Tests) and the .ipynb files hold each cell's output with these parts scrubbed:
      {string.Join("\n  ", OutputScrubber.RuleDescriptions)}
    and these comment lines in a cell:
      {OutputScrubber.SortLines}    sort the cell's output lines before comparing (order varies)
      {OutputScrubber.SkipOutput}   record only that the cell ran green (benchmarks)

    """;
