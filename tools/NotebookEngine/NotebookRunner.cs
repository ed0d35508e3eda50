using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NotebookEngine;

// Why this file: it runs a notebook's C# cells the way the VS Code C# kernel does (one Roslyn script
// session, top to bottom, state carried over, top-level await, the kernel's imports), but headless and
// strict: every cell is reported, a broken cell names the file, the cell and the line, and a cell that
// never ends is given up after a timeout instead of hanging CI.

public enum CellStatus { Passed, Failed, NotRun, NotCode }

/// <summary>What one cell did.</summary>
/// <param name="Output">Everything the cell wrote (Console, display) followed by its value, if it has one.</param>
/// <param name="Errors">Empty for a green cell; otherwise messages that name the file, the cell and the line.</param>
public sealed record CellResult(Cell Cell, CellStatus Status, string Output, IReadOnlyList<string> Errors, TimeSpan Elapsed);

/// <summary>What a notebook did, cell by cell.</summary>
public sealed record NotebookResult(Notebook Notebook, IReadOnlyList<CellResult> Cells)
{
    public IEnumerable<CellResult> CodeCells => Cells.Where(c => c.Status != CellStatus.NotCode);
    public int PassedCount => Cells.Count(c => c.Status == CellStatus.Passed);
    public int FailedCount => Cells.Count(c => c.Status == CellStatus.Failed);
    public int NotRunCount => Cells.Count(c => c.Status == CellStatus.NotRun);
    public bool Succeeded => FailedCount == 0 && NotRunCount == 0;

    /// <summary>A line such as "3 code cells: 3 passed, 0 failed".</summary>
    public string Summary
    {
        get
        {
            var count = CodeCells.Count();
            var text = $"{count} code cell{(count == 1 ? "" : "s")}: {PassedCount} passed, {FailedCount} failed";
            return NotRunCount == 0 ? text : $"{text}, {NotRunCount} not run";
        }
    }
}

public sealed class RunOptions
{
    public static readonly TimeSpan DefaultCellTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How long one cell may run before it is given up.</summary>
    public TimeSpan CellTimeout { get; init; } = DefaultCellTimeout;

    /// <summary>When set, cell output is also written here as it happens (the terminal view).</summary>
    public TextWriter? LiveOutput { get; init; }

    /// <summary>Called for every cell, in order, before a code cell runs (the terminal view prints the cell).</summary>
    public Action<Cell>? CellStarting { get; init; }

    /// <summary>Called when a code cell has ended, run or not (the terminal view prints its errors).</summary>
    public Action<CellResult>? CellFinished { get; init; }
}

public static partial class NotebookRunner
{
    // The kernel's default imports (CSharpKernel.cs).
    static readonly string[] DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    // The whole shared framework, as in a console app: Channels, Http, Process and friends compile in a cell.
    static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator);
        return [
            .. trusted.Where(p => p.Length > 0 && string.Equals(Path.GetDirectoryName(p), runtimeDirectory, StringComparison.OrdinalIgnoreCase))
                      .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(NotebookRunner).Assembly.Location),
        ];
    });

    // Console, the current directory and the static display sink belong to the whole process: one run at a time.
    static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<name>[^,"\s]+)\s*(,\s*(?<version>[^"\s]+)\s*)?"\s*$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^\s*(?<magic>#![^\s]*|#i\b)""")]
    private static partial Regex MagicCommand();

    public static async Task<NotebookResult> RunAsync(Notebook notebook, RunOptions? options = null)
    {
        options ??= new RunOptions();
        await OneRunAtATime.WaitAsync();
        var (oldOut, oldError, oldDirectory) = (Console.Out, Console.Error, Environment.CurrentDirectory);
        var output = new CellOutput(options.LiveOutput);
        try
        {
            Console.SetOut(output);
            Console.SetError(output);
            // Relative paths in a cell (files, #r "x.dll") start at the notebook's folder, as in VS Code.
            var directory = Path.GetDirectoryName(notebook.Path)!;
            Environment.CurrentDirectory = directory;
            return await new Session(notebook, options, output, directory).RunAsync();
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
            Environment.CurrentDirectory = oldDirectory;
            OneRunAtATime.Release();
        }
    }

    public static Task<NotebookResult> RunFileAsync(string path, string? displayPath = null, RunOptions? options = null) =>
        RunAsync(DibParser.ParseFile(path, displayPath), options);

    /// <summary>One notebook's script session.</summary>
    sealed class Session(Notebook notebook, RunOptions options, CellOutput output, string directory)
    {
        readonly ScriptGlobals globals = new();
        ScriptState<object>? state;   // the state after the last cell that compiled
        bool timedOut;                 // a cell was given up: its state is unknown, so nothing more runs
        ScriptOptions scriptOptions = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.CSharp14)
            .WithReferences(FrameworkReferences.Value)
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(directory).WithSearchPaths(directory))
            .WithSourceResolver(new SourceFileResolver([], directory))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);

        public async Task<NotebookResult> RunAsync()
        {
            var results = new List<CellResult>();
            var givenUp = false;
            foreach (var cell in notebook.Cells)
            {
                options.CellStarting?.Invoke(cell);
                CellResult result;
                if (cell.Kind != CellKind.Code)
                {
                    results.Add(new CellResult(cell, CellStatus.NotCode, "", [], TimeSpan.Zero));
                    continue;
                }
                if (givenUp)
                    result = new CellResult(cell, CellStatus.NotRun, "", [Where(cell, null) + "not run, because an earlier cell did not finish."], TimeSpan.Zero);
                else
                    result = await RunCellAsync(cell);
                givenUp = timedOut;
                results.Add(result);
                options.CellFinished?.Invoke(result);
            }
            return new NotebookResult(notebook, results);
        }

        async Task<CellResult> RunCellAsync(Cell cell)
        {
            var clock = Stopwatch.StartNew();
            var errors = new List<string>();
            var code = Prepare(cell, errors);
            if (errors.Count > 0) return Finish(cell, CellStatus.Failed, "", errors, clock);

            // Each cell is its own "file", so compiler messages and stack traces give lines within the cell.
            var cellOptions = scriptOptions.WithFilePath(Path.Combine(directory, $"{Path.GetFileName(notebook.Path)}.cell{cell.Number}.csx"));
            var script = state == null
                ? CSharpScript.Create(code, cellOptions, typeof(ScriptGlobals))
                : state.Script.ContinueWith(code, cellOptions);

            var diagnostics = script.Compile()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .OrderBy(d => d.Location.GetLineSpan().StartLinePosition)
                .ToList();
            if (diagnostics.Count > 0)
            {
                // The session keeps the state of the last good cell, as the kernel does.
                errors.AddRange(diagnostics.Select(d =>
                    Where(cell, d.Location.GetLineSpan().StartLinePosition.Line + 1) +
                    $"error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}"));
                return Finish(cell, CellStatus.Failed, "", errors, clock);
            }
            var hasValue = HasValue(script.GetCompilation());

            output.Begin();
            var run = RunOnOwnThread(script);
            using var timer = new CancellationTokenSource();
            if (await Task.WhenAny(run, Task.Delay(options.CellTimeout, timer.Token)) != run)
            {
                // Roslyn cannot stop a running submission: leave it behind and run nothing after it.
                var written = output.End();
                timedOut = true;
                errors.Add(Where(cell, null) +
                    $"the cell did not finish within {options.CellTimeout.TotalSeconds:0.#} s and was given up; the cells after it are not run. " +
                    "A cell must end: join its threads, await its tasks and stop its loops (or raise the limit with --timeout).");
                return Finish(cell, CellStatus.Failed, written, errors, clock);
            }

            timer.Cancel();
            ScriptState<object> next;
            try
            {
                next = await run;
            }
            catch (Exception e)
            {
                // Exceptions the script's own catch does not take (for example while the script is created).
                errors.Add(Where(cell, LineOf(e, cellOptions.FilePath)) + Describe(e));
                return Finish(cell, CellStatus.Failed, output.End(), errors, clock);
            }

            state = next;
            var text = new StringBuilder(output.End());
            if (next.Exception != null)
            {
                errors.Add(Where(cell, LineOf(next.Exception, cellOptions.FilePath)) + Describe(next.Exception));
                return Finish(cell, CellStatus.Failed, text.ToString(), errors, clock);
            }
            if (hasValue)
            {
                if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
                string value;
                try
                {
                    value = ValueFormatter.Format(next.ReturnValue);
                }
                catch (Exception e)
                {
                    // Showing a lazy value runs the user's code (an iterator, a property getter), which may throw.
                    errors.Add(Where(cell, null) + "the cell's value could not be shown: " + Describe(e));
                    return Finish(cell, CellStatus.Failed, text.ToString(), errors, clock);
                }
                text.Append(value).Append('\n');
                options.LiveOutput?.WriteLine(value);
            }
            return Finish(cell, CellStatus.Passed, text.ToString(), errors, clock);
        }

        // Like the kernel, the cell starts on a thread of its own with no SynchronizationContext.
        Task<ScriptState<object>> RunOnOwnThread(Script<object> script)
        {
            var done = new TaskCompletionSource<ScriptState<object>>(TaskCreationOptions.RunContinuationsAsynchronously);
            var previous = state;
            var thread = new Thread(() =>
            {
                try
                {
                    var task = previous == null
                        ? script.RunAsync(globals, catchException: _ => true)
                        : script.RunFromAsync(previous, catchException: _ => true);
                    done.SetResult(task.GetAwaiter().GetResult());
                }
                catch (Exception e)
                {
                    done.SetException(e);
                }
            })
            { IsBackground = true, Name = "Notebook cell" };
            thread.Start();
            return done.Task;
        }

        // Lifts #r "nuget: ..." lines (the kernel does too) and rejects magic commands this engine does not run.
        string Prepare(Cell cell, List<string> errors)
        {
            var lines = cell.Lines;
            var references = new List<MetadataReference>();
            for (var i = 0; i < lines.Length; i++)
            {
                var nuget = NuGetReference().Match(lines[i]);
                if (nuget.Success)
                {
                    var version = nuget.Groups["version"].Success ? nuget.Groups["version"].Value : null;
                    if (PackageCatalog.TryResolve(nuget.Groups["name"].Value, version, out var files, out var error))
                        references.AddRange(files.Select(f => MetadataReference.CreateFromFile(f)));
                    else
                        errors.Add(Where(cell, i + 1) + error);
                    lines[i] = ""; // keep the line numbers of the rest of the cell
                    continue;
                }
                var magic = MagicCommand().Match(lines[i]);
                if (magic.Success)
                    errors.Add(Where(cell, i + 1) + $"Unknown magic command '{magic.Groups["magic"].Value}'. " +
                        "This engine runs C# only: remove the line (#!set, #!share, #!time, #i and other magic commands are not supported).");
            }
            if (references.Count > 0) scriptOptions = scriptOptions.AddReferences(references);
            return string.Join('\n', lines);
        }

        CellResult Finish(Cell cell, CellStatus status, string output, List<string> errors, Stopwatch clock) =>
            new(cell, status, output, errors, clock.Elapsed);

        // "notebooks/x.dib, cell 4 (// In [6]), line 2: "
        string Where(Cell cell, int? line)
        {
            var name = cell.FirstLine.Trim();
            if (name.Length > 60) name = name[..57] + "...";
            var where = $"{notebook.DisplayPath}, cell {cell.Number} ({name})";
            return line is { } l ? $"{where}, line {l}: " : $"{where}: ";
        }

        // A cell has a value when it ends with an expression that has no semicolon and is not void
        // (Roslyn's own test, Compilation.HasSubmissionResult, is internal).
        static bool HasValue(Compilation compilation)
        {
            var tree = compilation.SyntaxTrees.Last();
            if (tree.GetRoot() is not Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax root
                || root.Members.LastOrDefault() is not Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax
                    { Statement: Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
                return false;
            var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
            return type is not null && type.SpecialType != SpecialType.System_Void;
        }

        static int? LineOf(Exception e, string? cellFile)
        {
            var frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
            var frame = frames.FirstOrDefault(f => f.GetFileName() == cellFile && f.GetFileLineNumber() > 0);
            return frame?.GetFileLineNumber();
        }

        static string Describe(Exception e)
        {
            var text = $"{e.GetType().FullName}: {e.Message}";
            for (var inner = e.InnerException; inner != null && e is not AggregateException; inner = inner.InnerException)
                text += $" ---> {inner.GetType().FullName}: {inner.Message}";
            return text;
        }
    }
}
