using System.Diagnostics;
using System.Reactive.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookHost;

// Why this file: it runs a notebook's C# cells top to bottom on one kernel, as Run All does in VS Code
// or Jupyter, and adds what the kernel does not give a headless run: a time limit per cell, an error
// line that names the file, the cell and the line, and a stop at the first failing cell (the cells after
// it are reported as not run, instead of failing one after the other on state that was never made).

public enum CellStatus { Passed, Failed, NotRun, NotCode }

/// <summary>What one cell did.</summary>
/// <param name="Errors">Empty for a green cell; otherwise lines that name the file, the cell and the line.</param>
/// <param name="Warnings">Compiler warnings, named the same way (a learner sees them as squiggles).</param>
public sealed record CellResult(
    Cell Cell, CellStatus Status, IReadOnlyList<CellOutput> Outputs,
    IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, TimeSpan Elapsed)
{
    /// <summary>The cell did not end within its time limit: it was cancelled, and its code may still be running.</summary>
    public bool TimedOut { get; init; }
}

/// <summary>What a notebook did, cell by cell.</summary>
public sealed record NotebookResult(Notebook Notebook, IReadOnlyList<CellResult> Cells)
{
    public IEnumerable<CellResult> CodeCells => Cells.Where(c => c.Status != CellStatus.NotCode);
    public bool Succeeded => CodeCells.All(c => c.Status == CellStatus.Passed);
    public IEnumerable<string> Warnings => Cells.SelectMany(c => c.Warnings);
    public bool TimedOut => Cells.Any(c => c.TimedOut);

    /// <summary>A line such as "3 code cells: 2 passed, 1 failed" (then ", 1 not run" if any were not).</summary>
    public string Summary =>
        $"{CodeCells.Count()} code cell{(CodeCells.Count() == 1 ? "" : "s")}: {Count(CellStatus.Passed)} passed, {Count(CellStatus.Failed)} failed" +
        (Count(CellStatus.NotRun) == 0 ? "" : $", {Count(CellStatus.NotRun)} not run");

    int Count(CellStatus status) => Cells.Count(c => c.Status == status);
}

/// <summary>How a notebook is run.</summary>
/// <param name="CellTimeout">How long one cell may run before it is cancelled and reported.</param>
/// <param name="KeepGoing">Run the cells after a failing one too (they still stop after a cell that hung).</param>
/// <param name="CellStarting">Called for every cell, in order, before it runs (the terminal view prints the cell).</param>
/// <param name="ConsoleWritten">Called with console text as a cell writes it (the terminal view prints it live).</param>
/// <param name="CellFinished">Called when a code cell has ended, run or not.</param>
public sealed record RunOptions(
    TimeSpan CellTimeout, bool KeepGoing = false,
    Action<Cell>? CellStarting = null, Action<string>? ConsoleWritten = null, Action<CellResult>? CellFinished = null)
{
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);
}

public static partial class NotebookRunner
{
    // The current directory belongs to the whole process: one run at a time.
    static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    /// <exception cref="NotebookFormatException">the file is missing or not a notebook.</exception>
    public static async Task<NotebookResult> RunFileAsync(string path, string? displayPath = null, RunOptions? options = null)
    {
        var notebook = NotebookFile.Read(path, displayPath);
        options ??= new RunOptions(RunOptions.DefaultCellTimeout);
        await OneRunAtATime.WaitAsync();
        var oldDirectory = Environment.CurrentDirectory;
        CSharpKernel? kernel = null;
        CellResult? stoppedBy = null;
        try
        {
            // Relative paths in a cell (files, #r "x.dll") start at the notebook's folder, as in VS Code.
            Environment.CurrentDirectory = Path.GetDirectoryName(notebook.Path)!;
            kernel = CreateKernel();
            var results = new List<CellResult>();
            foreach (var cell in notebook.Cells)
            {
                options.CellStarting?.Invoke(cell);
                if (!cell.IsCSharp)
                {
                    results.Add(new CellResult(cell, CellStatus.NotCode, [], [], [], TimeSpan.Zero));
                    continue;
                }
                var result = stoppedBy is { } failed
                    ? new CellResult(cell, CellStatus.NotRun, [], [$"{Where(notebook, cell)}not run, because {Describe(failed.Cell)} failed{(options.KeepGoing ? " and did not finish" : "")}."], [], TimeSpan.Zero)
                    : await RunCellAsync(kernel, notebook, cell, options);
                if (stoppedBy == null && result.Status == CellStatus.Failed && (!options.KeepGoing || result.TimedOut))
                {
                    stoppedBy = result;
                }
                results.Add(result);
                options.CellFinished?.Invoke(result);
            }
            return new NotebookResult(notebook, results);
        }
        finally
        {
            Environment.CurrentDirectory = oldDirectory;
            // A kernel whose cell never ended cannot be disposed (its thread is still busy): leave it behind.
            if (stoppedBy is not { TimedOut: true })
            {
                kernel?.Dispose();
            }

            OneRunAtATime.Release();
        }
    }

    // Why in process, and not the tool's `stdio` backend: VS Code's Polyglot Notebooks and the .net-csharp
    // Jupyter kernel run this same CSharpKernel, configured as below, so hosting it gives the same compiler,
    // formatter and #r "nuget:", with typed events instead of a JSON protocol, no tool to install before
    // `dotnet test`, and no child process to hunt down when a cell hangs. CI still runs every .ipynb on the
    // real tool, under Jupyter's nbconvert, so both paths are exercised.
    // As the dotnet-interactive tool makes it: #r "nuget:" adds the restored assemblies, and the kernel
    // helpers (display, ...) are imported. Its Roslyn compiles C# 14, the language the repository pins.
    static CSharpKernel CreateKernel()
    {
        var kernel = new CSharpKernel()
            .UseNugetDirective((k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            }, false)
            .UseKernelHelpers();
        // The one change from the tool's kernel: cells are compiled with debug information, so that a stack trace
        // says "in :line 3" and an error can name its line in the cell. The script options are a private field;
        // if a later version renames it, errors simply name no line.
        var field = typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.NonPublic | BindingFlags.Instance);
        if (field?.GetValue(kernel) is ScriptOptions options)
        {
            field.SetValue(kernel, options.WithEmitDebugInformation(true).WithFileEncoding(Encoding.UTF8));
        }

        return kernel;
    }

    static async Task<CellResult> RunCellAsync(CSharpKernel kernel, Notebook notebook, Cell cell, RunOptions options)
    {
        var clock = Stopwatch.StartNew();
        var outputs = new List<CellOutput>();
        var displays = new Dictionary<string, int>(); // a display's id -> its place in outputs (updates replace it)
        var errors = new List<string>();
        var warnings = new List<string>();
        var gate = new Lock();

        void OnEvent(KernelEvent e)
        {
            lock (gate)
            {
                switch (e)
                {
                    case StandardOutputValueProduced or StandardErrorValueProduced:
                        var text = ((DisplayEvent)e).FormattedValues.FirstOrDefault(v => v.MimeType == CellOutput.PlainText)?.Value ?? "";
                        var kind = e is StandardErrorValueProduced ? OutputKind.StandardError : OutputKind.StandardOutput;
                        // Console text comes in pieces: consecutive pieces of one stream make one output.
                        if (outputs.Count > 0 && outputs[^1].Kind == kind)
                        {
                            outputs[^1] = CellOutput.Console(kind, outputs[^1].Text + text);
                        }
                        else
                        {
                            outputs.Add(CellOutput.Console(kind, text));
                        }

                        options.ConsoleWritten?.Invoke(text);
                        break;
                    case DisplayedValueUpdated d when d.ValueId is { } id && displays.TryGetValue(id, out var index):
                        outputs[index] = Display(OutputKind.Display, d);
                        break;
                    case ReturnValueProduced r:
                        outputs.Add(Display(OutputKind.ReturnValue, r));
                        break;
                    case DisplayEvent d:
                        if (d.ValueId is { } valueId)
                        {
                            displays[valueId] = outputs.Count;
                        }

                        outputs.Add(Display(OutputKind.Display, d));
                        break;
                    case DiagnosticsProduced diagnostics:
                        warnings.AddRange(diagnostics.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)
                            .Select(d => $"{Where(notebook, cell, d.LinePositionSpan.Start.Line + 1)}warning {d.Code}: {d.Message}"));
                        break;
                    case CommandFailed failed:
                        errors.Add(Where(notebook, cell, LineOf(failed)) + failed.Message.TrimEnd());
                        break;
                }
            }
        }

        // Cells run one at a time, so every event while this one runs is its own (#r "nuget:" sends its
        // restore progress from a command of its own), except those of a Cancel sent after a time-out.
        using var subscription = kernel.KernelEvents.Where(e => e.Command is not Cancel).Subscribe(OnEvent);
        var run = kernel.SendAsync(new SubmitCode(cell.Text));
        var timedOut = await Task.WhenAny(run, Task.Delay(options.CellTimeout)) != run;
        if (timedOut)
        {
            // Cancelling tells the kernel to stop waiting; it cannot stop the cell's own code (dotnet/interactive#2371).
            _ = kernel.SendAsync(new Cancel());
            lock (gate)
            {
                errors.Add(Where(notebook, cell) +
                    $"the cell did not finish within {options.CellTimeout.TotalSeconds:0.#} s and was cancelled; the cells after it are not run. " +
                    "A cell must end: join its threads, await its tasks and stop its loops (or raise the limit with --timeout).");
            }
        }
        else
        {
            await run;
        }

        lock (gate)
        {
            var status = errors.Count == 0 ? CellStatus.Passed : CellStatus.Failed;
            return new CellResult(cell, status, [.. outputs], [.. errors], [.. warnings], clock.Elapsed) { TimedOut = timedOut };
        }
    }

    // The kernel formats a value for the browser (text/html, except for strings). Its own plain text is
    // added beside it, for the terminal and the snapshots; the other MIME types are kept as they came.
    static CellOutput Display(OutputKind kind, DisplayEvent e)
    {
        var data = e.FormattedValues.ToDictionary(v => v.MimeType, v => v.Value);
        if (!data.ContainsKey(CellOutput.PlainText))
        {
            try
            {
                data[CellOutput.PlainText] = Formatter.ToDisplayString(e.Value!, CellOutput.PlainText); // null gives "<null>"
            }
            catch (Exception problem)
            {
                data[CellOutput.PlainText] = $"(this value has no plain text: {problem.Message})";
            }
        }
        return new CellOutput(kind, data);
    }

    // "(2,13): error CS0029: ..." for a compile error; "in :line 3" in the frames of the newest submission
    // for an exception thrown by the cell itself (frames of older submissions belong to earlier cells).
    static int? LineOf(CommandFailed failed)
    {
        var compile = CompilerPosition().Match(failed.Message);
        if (compile.Success)
        {
            return int.Parse(compile.Groups["line"].Value);
        }

        // The first (innermost) frame of the newest submission: OrderByDescending keeps the frames' order among equals.
        return StackFrame().Matches(failed.Exception?.ToString() ?? failed.Message)
            .Select(m => (Submission: int.Parse(m.Groups["submission"].Value), Line: (int?)int.Parse(m.Groups["line"].Value)))
            .OrderByDescending(f => f.Submission).FirstOrDefault().Line;
    }

    [GeneratedRegex(@"^\((?<line>\d+),\d+\): (error|warning) ")]
    private static partial Regex CompilerPosition();

    [GeneratedRegex(@"at Submission#(?<submission>\d+)\..* in :line (?<line>\d+)")]
    private static partial Regex StackFrame();

    // "cell 4 (// In [6])", with a long first line cut short.
    static string Describe(Cell cell)
    {
        var name = cell.FirstLine.Trim();
        return $"cell {cell.Number} ({(name.Length > 60 ? name[..57] + "..." : name)})";
    }

    // "notebooks/x.dib, cell 4 (// In [6]), line 2: "
    static string Where(Notebook notebook, Cell cell, int? line = null) =>
        $"{notebook.DisplayPath}, {Describe(cell)}{(line is { } l ? $", line {l}" : "")}: ";
}
