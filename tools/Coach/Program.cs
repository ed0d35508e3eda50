using Coach;
using Course;
using KataCheck;
using Spectre.Console;

// The coach (README, "Start learning"). In a terminal, with no command, it shows your progress and the one kata to do
// next, and reruns that kata's tests each time you save. Without a terminal (CI, a pipe) it prints plain text once.
// Exit codes: 0 all good, 1 some kata does not pass, 2 bad usage, 3 the coach could not do its work.
string[] commands = ["list", "check", "hint", "reset", "solution"], options = ["--trace", "--force", "--yes", "--help", "-h"];
var help = args.Contains("--help") || args.Contains("-h");
var words = args.Where(arg => !arg.StartsWith('-')).ToList();
var usage = args.FirstOrDefault(arg => arg.StartsWith('-') && !options.Contains(arg)) is { } unknown ? $"unknown option '{unknown}'"
    : words.Count > 0 && !commands.Contains(words[0]) ? $"unknown command '{words[0]}'"
    : words.Count > 2 ? $"too many words: {string.Join(' ', words.Skip(2))}"
    : null;
if (usage is not null || help)
{
    var text = help ? Console.Out : Console.Error;
    if (usage is not null)
    {
        text.WriteLine($"coach: {usage}");
    }
    text.WriteLine("usage: dotnet run --project tools/Coach -- [list | check | hint [kata] | reset <kata> | solution <kata>]");
    text.WriteLine("         [--trace: stack traces] [--force: the solution before the kata passes] [--yes: reset without asking]");
    return help && usage is null ? 0 : 2;
}

try
{
    var root = CourseManifest.FindRoot(Environment.CurrentDirectory)
        ?? throw new CoachException("Run the coach inside the repository: no katas/course.json above this folder.", 2);
    var course = CourseManifest.Load(root);
    var interactive = !Console.IsOutputRedirected && !Console.IsInputRedirected;
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
        "list" or "check" => Commands.List(session, console, check: words[0] == "check"),
        "hint" => Commands.Hint(session, console, words.Count > 1 ? Named(words[1]) : null),
        "reset" => Commands.Reset(session, console, Named(words.ElementAtOrDefault(1)), args.Contains("--yes"), interactive),
        "solution" => Commands.Solution(session, console, Named(words.ElementAtOrDefault(1)), args.Contains("--force")),
        _ when interactive => new Watch(session, console, args.Contains("--trace")).Run(),
        _ => Commands.Status(session, console, args.Contains("--trace")),
    };
}
catch (Exception problem) when (problem is CoachException or BuildFailedException)
{
    Console.Error.WriteLine($"coach: {problem.Message}");
    return (problem as CoachException)?.ExitCode ?? 3;
}

/// <summary>A problem the coach explains in one line and ends on, with a distinct exit code.</summary>
internal sealed class CoachException(string message, int exitCode = 3) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
