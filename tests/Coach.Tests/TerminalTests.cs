using System.Diagnostics;
using Xunit.Abstractions;

namespace Coach.Tests;

// The coach as a person uses it, in a real terminal: tmux starts it, a kata file is saved, the hint key is pressed,
// and the screen is read. CI installs tmux (.ci/run, install_tmux).
[Collection(CourseCopyCollection.Name)]
public sealed class TerminalTests(CourseCopy copy, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Saving_a_solved_kata_turns_it_green_and_h_shows_a_hint_of_the_next()
    {
        copy.Untouched();
        await using var terminal = await Tmux.StartAsync(copy.Root, $"dotnet {CoachProcess.Dll}", output);

        var first = await terminal.WaitForAsync(screen => screen.Contains("Watching katas/") && screen.Contains("(SquareQueries)"), Patience,
            "the coach never showed the first kata, SquareQueries");
        Assert.Contains("0 of 5", first);
        Assert.Contains("katas/01-Generators/SquareQueries.cs", first);
        Assert.Contains("Test 1 of", first);
        Assert.DoesNotContain("   at ", first); // no stack trace unless asked

        copy.Solve("SquareQueries");
        var solved = await terminal.WaitForAsync(screen => screen.Contains("SquareQueries passes") && screen.Contains("(SquareGenerator)") && screen.Contains("Watching katas/"),
            Patience, "saving the solved kata did not turn it green and move on to SquareGenerator");
        Assert.Contains("1 of 5", solved);

        await terminal.SendKeysAsync("h");
        var hinted = await terminal.WaitForAsync(screen => screen.Contains("Hint 1 of"), TimeSpan.FromSeconds(30), "pressing h showed no hint");
        Assert.DoesNotContain("Hint 2 of", hinted);
        output.WriteLine(hinted);

        await terminal.SendKeysAsync("q");
        await terminal.WaitForExitAsync(TimeSpan.FromSeconds(30));
    }
}

/// <summary>A tmux session on a private socket, so that it never meets a learner's own tmux.</summary>
internal sealed class Tmux : IAsyncDisposable
{
    private readonly string _socket;
    private readonly ITestOutputHelper _output;

    private Tmux(string socket, ITestOutputHelper output)
    {
        _socket = socket;
        _output = output;
    }

    public static async Task<Tmux> StartAsync(string folder, string command, ITestOutputHelper output)
    {
        var tmux = new Tmux("coach-tests-" + Guid.NewGuid().ToString("N")[..8], output);
        var (exit, errors) = await tmux.RunAsync("new-session", "-d", "-s", "coach", "-x", "110", "-y", "45", "-c", folder,
            // remain-on-exit keeps the pane, so a coach that crashes leaves its last words on the screen.
            $"{command}; echo; echo COACH-EXITED $?; sleep 60");
        Assert.True(exit == 0, exit == -2 ? "tmux is not installed; the terminal test needs it (apt-get install tmux)." : $"tmux would not start: {errors}");
        return tmux;
    }

    public async Task<string> Screen() => (await RunCaptureAsync("capture-pane", "-p", "-t", "coach")).Trim();

    public async Task<string> WaitForAsync(Func<string, bool> condition, TimeSpan limit, string whatWentWrong)
    {
        var clock = Stopwatch.StartNew();
        var screen = "";
        while (clock.Elapsed < limit)
        {
            screen = await Screen();
            if (condition(screen))
            {
                return screen;
            }
            await Task.Delay(250);
        }
        throw new Xunit.Sdk.XunitException($"{whatWentWrong} within {limit.TotalSeconds:0} s. The screen:\n{screen}");
    }

    public Task SendKeysAsync(string keys) => RunAsync("send-keys", "-t", "coach", keys);

    public Task WaitForExitAsync(TimeSpan limit) =>
        WaitForAsync(screen => screen.Contains("COACH-EXITED 0"), limit, "q did not end the coach with exit code 0");

    private async Task<(int, string)> RunAsync(params string[] arguments)
    {
        var (exit, _, errors) = await Run(arguments);
        return (exit, errors);
    }

    private async Task<string> RunCaptureAsync(params string[] arguments) => (await Run(arguments)).Output;

    private async Task<(int Exit, string Output, string Errors)> Run(string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-L", _socket, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        // The coach draws in colour and with Unicode boxes, as in a learner's terminal.
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["LANG"] = "C.UTF-8";
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output, await errors);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-2, "", "tmux not found");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _output.WriteLine("final screen:\n" + await Screen());
        await RunAsync("kill-server");
    }
}
