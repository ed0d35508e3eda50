using Coach;
using Course;
using Spectre.Console;

// The coach. In a terminal, with no command, it shows your progress and the one kata to do next, and watches katas/:
// each time you save, it reruns that kata's tests. Commands (dotnet run --project tools/Coach -- COMMAND):
//   list               every kata, one line each, done or todo
//   check              runs every kata's tests; exit code 0 when all pass, 1 otherwise
//   hint [kata]        one more hint for the kata (the current one if none is named)
//   reset <kata>       puts the stub back from git, after asking (--yes to skip the question)
//   solution <kata>    the reference solution and a few classic wrong answers, once the kata passes (or with --force)
// Options: --trace (stack traces of failures), --once (no watching).
// Without a terminal (CI, a pipe) the output is plain text, and list and check exit 0 only when every kata passes.
// Exit codes: 0 all good, 1 some kata does not pass, 2 bad usage, 3 the coach could not do its work.
string[] commands = ["list", "check", "hint", "reset", "solution"], options = ["--trace", "--once", "--force", "--yes"];
var words = args.Where(arg => !arg.StartsWith('-')).ToList();
var usage = args.FirstOrDefault(arg => arg.StartsWith('-') && !options.Contains(arg)) is { } unknown ? $"unknown option '{unknown}'"
    : words.Count > 0 && !commands.Contains(words[0]) ? $"unknown command '{words[0]}'"
    : words.Count > 2 ? $"too many words: {string.Join(' ', words.Skip(2))}"
    : null;
if (usage is not null)
{
    Console.Error.WriteLine($"coach: {usage}");
    Console.Error.WriteLine($"usage: dotnet run --project tools/Coach -- [{string.Join(" | ", "list", "check", "hint [kata]", "reset <kata>", "solution <kata>")}] [{string.Join("] [", options)}]");
    return 2;
}

try
{
    var root = CourseManifest.FindRoot(Environment.CurrentDirectory)
        ?? throw new CoachException("Run the coach inside the repository: no katas/course.json above this folder.", 2);
    var course = CourseManifest.Load(root);
    var interactive = !Console.IsOutputRedirected && !Console.IsInputRedirected && !args.Contains("--once");
    var console = interactive ? AnsiConsole.Console : AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
        Out = new AnsiConsoleOutput(Console.Out),
    });
    var session = new Session(root, course, new LearnerProgress(root), new KataRunner(root, text => console.MarkupLine($"[grey]{Markup.Escape(text)}[/]")));

    CourseKata Named(string? name) =>
        name is null ? throw new CoachException("Name a kata, for example SquareQueries (see: list).", 2)
        : course.Find(name) ?? throw new CoachException($"There is no kata called '{name}'. The katas: {string.Join(", ", course.Katas.Select(k => k.Id))}.", 2);

    return words.ElementAtOrDefault(0) switch
    {
        "list" => Commands.List(session, console),
        "check" => Commands.Check(session, console),
        "hint" => Commands.Hint(session, console, words.Count > 1 ? Named(words[1]) : null),
        "reset" => Commands.Reset(session, console, Named(words.ElementAtOrDefault(1)), args.Contains("--yes"), interactive),
        "solution" => Commands.Solution(session, console, Named(words.ElementAtOrDefault(1)), args.Contains("--force")),
        _ when interactive => new Watch(session, console, args.Contains("--trace")).Run(),
        _ => Commands.Status(session, console, args.Contains("--trace")),
    };
}
catch (CoachException problem)
{
    Console.Error.WriteLine($"coach: {problem.Message}");
    return problem.ExitCode;
}

/// <summary>A problem the coach explains in one line and ends on, with a distinct exit code.</summary>
internal sealed class CoachException(string message, int exitCode = 3) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
