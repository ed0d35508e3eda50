// Why this program: Polyglot Notebooks is deprecated, so a learner (or CI) needs another way to run a
// .dib notebook. This prints each cell in order, markdown rendered for the terminal, the code, then
// what it printed, and ends with a summary. The exit code is 0 only when every code cell ran green.

using Notebook;
using NotebookEngine;

var stdout = Console.Out;
var style = new Style(!Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
var files = new List<string>();
var all = false;
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

var root = FindRepositoryRoot();
if (all)
{
    if (root == null)
    {
        Console.Error.WriteLine("--all looks for the notebooks/ folder beside Katas.sln, but no folder above this one holds Katas.sln.");
        return 2;
    }
    files.AddRange(Directory.GetFiles(Path.Combine(root, "notebooks"), "*.dib").Order(StringComparer.Ordinal));
}
if (files.Count == 0)
{
    stdout.Write(Help());
    return 2;
}

var markdown = new TerminalMarkdown(style);
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
        var notebook = DibParser.ParseFile(file, display);
        result = await NotebookRunner.RunAsync(notebook, new RunOptions
        {
            CellTimeout = timeout,
            LiveOutput = stdout,
            CellStarting = cell => ShowCell(cell),
            CellFinished = cell => ShowEnd(cell),
        });
    }
    catch (NotebookFormatException e)
    {
        stdout.WriteLine(style.Red(e.Message));
        failedNotebooks.Add(display);
        continue;
    }

    stdout.WriteLine();
    var summary = $"{display}: {result.Summary}";
    stdout.WriteLine(result.Succeeded ? style.Green(summary) : style.Red(summary));
    if (!result.Succeeded) failedNotebooks.Add(display);
}

if (files.Count > 1)
{
    stdout.WriteLine();
    stdout.WriteLine(failedNotebooks.Count == 0
        ? style.Green($"{files.Count} notebooks: all green.")
        : style.Red($"{files.Count} notebooks, {failedNotebooks.Count} with problems: {string.Join(", ", failedNotebooks)}"));
}
return failedNotebooks.Count == 0 ? 0 : 1;

void ShowCell(Cell cell)
{
    stdout.WriteLine();
    switch (cell.Kind)
    {
        case CellKind.Markdown:
            stdout.WriteLine(markdown.Render(cell.Text));
            break;
        case CellKind.Code:
            stdout.WriteLine(style.Dim($"┌─ cell {cell.Number} ─ C#"));
            foreach (var line in cell.Lines) stdout.WriteLine(style.Dim("│ ") + style.Code(line));
            stdout.WriteLine(style.Dim("└─ output:"));
            break;
        default:
            stdout.WriteLine(style.Dim($"[{cell.Kernel} cell, not run here]"));
            foreach (var line in cell.Lines) stdout.WriteLine(style.Dim("    " + line));
            break;
    }
    stdout.Flush();
}

void ShowEnd(CellResult cell)
{
    if (cell.Output.Length > 0 && !cell.Output.EndsWith('\n')) stdout.WriteLine();
    foreach (var error in cell.Errors) stdout.WriteLine(style.Red(error));
    var mark = cell.Status switch
    {
        CellStatus.Passed => style.Green("✓"),
        CellStatus.NotRun => style.Yellow("– not run"),
        _ => style.Red("✗"),
    };
    stdout.WriteLine(style.Dim($"   {mark} {cell.Elapsed.TotalSeconds:0.0} s"));
    stdout.Flush();
}

// The repository is the folder that holds Katas.sln, above the current folder (or above this tool).
static string? FindRepositoryRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Katas.sln"))) return dir.FullName;
    }
    return null;
}

static string DisplayPath(string file, string? root)
{
    var full = Path.GetFullPath(file);
    var relative = root == null ? file : Path.GetRelativePath(root, full);
    return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace('\\', '/');
}

static string Help() => $"""
    Runs .dib notebooks without VS Code: every cell in order, in one C# script session (like the
    Polyglot Notebooks C# kernel), printing the markdown, the code and what each cell printed.

    Usage:
      dotnet run --project tools/Notebook -- notebooks/01-generators.dib [more.dib ...]
      dotnet run --project tools/Notebook -- --all

    Options:
      --all            run every notebook in the repository's notebooks/ folder
      --timeout <s>    seconds one cell may run before it is given up (default {RunOptions.DefaultCellTimeout.TotalSeconds:0})
      --no-color       plain text even in a terminal (colors are off anyway when the output is redirected)
      -h, --help       this text

    Exit code: 0 when every code cell ran green, 1 when a cell failed, 2 for a usage error.

    In a notebook (as in the VS Code C# kernel):
      Cells share one script session; top-level await works; C# 14.
      Imported for you: System, System.Text, System.Collections, System.Collections.Generic,
      System.Threading.Tasks, System.Linq. Others need a using (System.Threading, System.IO, ...).
      `using var x = ...;` is not allowed at the top level of a cell: use a using block.
      #r "nuget: Name, Version"   only the packages the engine references: {string.Join(", ", PackageCatalog.Available)}
      #r "path/to/library.dll"    relative to the notebook's folder (its dependencies are loaded from the same folder)
      Magic commands (#!set, #!time, #i, ...) are not supported and are reported as errors.

    Snapshots (tests/Notebooks.Tests) hold each notebook's output with these parts scrubbed:
      {string.Join("\n  ", OutputScrubber.RuleDescriptions)}
    and these comment lines in a cell:
      {OutputScrubber.SortLines}    sort the cell's output lines before comparing (order varies)
      {OutputScrubber.SkipOutput}   record only that the cell ran green (benchmarks)

    """;
