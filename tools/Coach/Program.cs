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
// Options: --trace (stack traces of failures), --poll (watch by polling, where file events do not arrive),
//          --root DIR (the repository; by default the one around the current folder), --once (no watching).
// Without a terminal (CI, a pipe) the output is plain text, and list and check exit 0 only when every kata passes.
// Exit codes: 0 all good, 1 some kata does not pass, 2 bad usage, 3 the coach could not do its work.
var options = Options.Parse(args);
if (options.Error is not null)
{
    Console.Error.WriteLine($"coach: {options.Error}");
    Console.Error.WriteLine("usage: dotnet run --project tools/Coach -- [list | check | hint [kata] | reset <kata> | solution <kata>] [--trace] [--poll] [--once] [--force] [--yes]");
    return 2;
}

try
{
    var root = options.Root ?? CourseManifest.FindRoot(Environment.CurrentDirectory)
        ?? throw new CoachException("Run the coach inside the repository: no katas/course.json above this folder.", 2);
    var course = CourseManifest.Load(root);
    var interactive = !Console.IsOutputRedirected && !Console.IsInputRedirected && !options.Once;
    var console = interactive ? AnsiConsole.Console : PlainConsole();
    var session = new Session(root, course, new LearnerProgress(root), new KataRunner(root, text => console.MarkupLine($"[grey]{Markup.Escape(text)}[/]")));

    CourseKata Named(string? name) =>
        name is null ? throw new CoachException("Name a kata, for example SquareQueries (see: list).", 2)
        : course.Find(name) ?? throw new CoachException($"There is no kata called '{name}'. The katas: {string.Join(", ", course.Katas.Select(k => k.Id))}.", 2);

    return options.Command switch
    {
        "list" => Commands.List(session, console, interactive),
        "check" => Commands.Check(session, console, interactive),
        "hint" => Commands.Hint(session, console, options.Kata is null ? null : Named(options.Kata)),
        "reset" => Commands.Reset(session, console, Named(options.Kata), options.Yes, interactive),
        "solution" => Commands.Solution(session, console, Named(options.Kata), options.Force),
        _ when interactive => new Watch(session, console, options.Poll, options.Trace).Run(),
        _ => Commands.Status(session, console, options.Trace),
    };
}
catch (CoachException problem)
{
    Console.Error.WriteLine($"coach: {problem.Message}");
    return problem.ExitCode;
}

static IAnsiConsole PlainConsole() => AnsiConsole.Create(new AnsiConsoleSettings
{
    Ansi = AnsiSupport.No,
    ColorSystem = ColorSystemSupport.NoColors,
    Interactive = InteractionSupport.No,
    Out = new AnsiConsoleOutput(Console.Out),
});

internal sealed record Options(string? Command, string? Kata, string? Root, bool Trace, bool Poll, bool Once, bool Force, bool Yes, string? Error)
{
    private static readonly string[] Commands = ["list", "check", "hint", "reset", "solution"];

    public static Options Parse(string[] args)
    {
        var words = new List<string>();
        string? root = null;
        bool trace = false, poll = false, once = false, force = false, yes = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--trace": trace = true; break;
                case "--poll": poll = true; break;
                case "--once": once = true; break;
                case "--force": force = true; break;
                case "--yes": yes = true; break;
                case "--root" when i + 1 < args.Length: root = Path.GetFullPath(args[++i]); break;
                case var option when option.StartsWith('-'):
                    return Failed($"unknown option '{option}'");
                default: words.Add(args[i]); break;
            }
        }
        var command = words.ElementAtOrDefault(0);
        if (command is not null && !Commands.Contains(command))
        {
            return Failed($"unknown command '{command}'");
        }
        if (words.Count > 2)
        {
            return Failed($"too many words: {string.Join(' ', words.Skip(2))}");
        }
        return new Options(command, words.ElementAtOrDefault(1), root, trace, poll || Environment.GetEnvironmentVariable("COACH_POLL") == "1", once, force, yes, null);

        Options Failed(string error) => new(null, null, null, false, false, false, false, false, error);
    }
}
