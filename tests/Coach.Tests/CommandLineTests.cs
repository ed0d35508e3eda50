namespace Coach.Tests;

// Without a terminal (CI, a pipe) the coach prints plain text and says through its exit code whether every kata passes.
[Collection(CourseCopyCollection.Name)]
public sealed class CommandLineTests(CourseCopy copy)
{
    [Fact]
    public void List_in_a_pipe_prints_one_plain_line_per_kata_and_exits_1_while_katas_are_left()
    {
        copy.Untouched();
        copy.Solve("SquareQueries");

        var (exitCode, output, errors) = CoachProcess.Run(copy.Root, "list");

        Assert.True(exitCode == 1, $"exit code {exitCode}, errors: {errors}");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("done") || l.StartsWith("todo")).ToList();
        Assert.Equal(copy.Course.Katas.Count, lines.Count);
        Assert.StartsWith("done  01-Generators/SquareQueries", lines[0]);
        Assert.StartsWith("todo  01-Generators/SquareGenerator", lines[1]);
        Assert.DoesNotContain("\u001b[", output); // no colours or cursor moves in a pipe
    }

    [Fact]
    public void Bad_usage_is_one_line_and_exit_code_2()
    {
        var unknown = CoachProcess.Run(copy.Root, "frobnicate");
        var noSuchKata = CoachProcess.Run(copy.Root, "hint", "NoSuchKata");

        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("coach: unknown command 'frobnicate'", unknown.Errors);
        Assert.Equal(2, noSuchKata.ExitCode);
        Assert.StartsWith("coach: There is no kata called 'NoSuchKata'", noSuchKata.Errors);
    }

    [Fact]
    public void Reset_without_a_terminal_asks_for_yes_instead_of_waiting_for_an_answer()
    {
        copy.Untouched();
        copy.Solve("SquareQueries");

        var (exitCode, _, errors) = CoachProcess.Run(copy.Root, "reset", "SquareQueries");

        Assert.Equal(2, exitCode);
        Assert.Contains("--yes", errors);
        Assert.DoesNotContain("Todo.Kata(", copy.Read("katas/01-Generators/SquareQueries.cs"));
    }
}
