using System.Diagnostics;
using Spectre.Console.Testing;
using Xunit.Abstractions;

namespace Coach.Tests;

// The coach's logic against prepared states of section 1: untouched, solved by copying a solution, broken.
[Collection(CourseCopyCollection.Name)]
public sealed class SessionTests(CourseCopy copy, ITestOutputHelper output)
{
    private Session NewSession() =>
        new(copy.Root, copy.Course, new LearnerProgress(copy.Root), new KataRunner(copy.Root, output.WriteLine));

    [Fact]
    public void On_untouched_stubs_the_current_kata_is_the_first_and_its_failure_says_what_to_do()
    {
        copy.Untouched();

        var current = NewSession().Current();

        Assert.NotNull(current);
        Assert.Equal("SquareQueries", current.Kata.Id);
        Assert.Equal(KataState.Failed, current.State);
        var message = current.FirstFailure!.Message!;
        Assert.Contains("SquareQueries.Lazy is waiting for you", message);
        Assert.Contains("katas/01-Generators/SquareQueries.cs", message);
        Assert.Contains("'// In [6]'", message);
        Assert.Equal(1, current.FailedAt);
        Assert.DoesNotContain("_", current.FirstFailure.Sentence);
    }

    [Fact]
    public void A_solved_kata_passes_and_the_next_one_becomes_current_and_a_warm_rerun_is_quick()
    {
        copy.Untouched();
        var session = NewSession();
        Assert.Equal("SquareQueries", session.Current()!.Kata.Id); // the cold part: section 1 is ready after this

        copy.Solve("SquareQueries");
        var clock = Stopwatch.StartNew();
        var run = session.Run(copy.Kata("SquareQueries"));
        var warm = clock.Elapsed;

        Assert.True(run.Passed, $"SquareQueries with the reference solution: {run.State} {run.Detail} {run.FirstFailure?.Message}");
        Assert.Equal(run.TestCount, run.Tests.Count);
        Assert.Equal("SquareGenerator", session.Current()!.Kata.Id);
        output.WriteLine($"warm rerun of SquareQueries: {warm.TotalSeconds:0.00} s (compile and test), on {Environment.ProcessorCount} cores");
        // The goal is 3 s on a 2-core machine; the margin here is for a CI machine shared with other jobs.
        Assert.True(warm < TimeSpan.FromSeconds(30), $"A warm rerun took {warm.TotalSeconds:0.0} s.");
    }

    [Fact]
    public void A_kata_that_does_not_compile_says_where_and_is_not_done()
    {
        copy.Untouched();
        copy.Break("SquareGenerator");

        var run = NewSession().Run(copy.Kata("SquareGenerator"));

        Assert.Equal(KataState.DoesNotCompile, run.State);
        Assert.Contains("katas/01-Generators/SquareGenerator.cs(", run.Detail);
        Assert.False(new LearnerProgress(copy.Root).Known(copy.Kata("SquareGenerator")));
    }

    [Fact]
    public void What_passed_is_remembered_until_the_file_changes()
    {
        copy.Untouched();
        copy.Solve("SquareQueries");
        var session = NewSession();
        Assert.True(session.Run(copy.Kata("SquareQueries")).Passed);

        Assert.True(new LearnerProgress(copy.Root).Known(copy.Kata("SquareQueries")));
        File.AppendAllText(Path.Combine(copy.Root, "katas/01-Generators/SquareQueries.cs"), "\n// changed\n");
        Assert.Null(new LearnerProgress(copy.Root).Known(copy.Kata("SquareQueries")));
        Assert.False(new LearnerProgress(copy.Root).Known(copy.Kata("InfiniteSequences"))); // a stub is todo without a run
    }

    [Fact]
    public void Hints_come_one_at_a_time_and_end_with_the_recipe()
    {
        copy.Untouched();
        var session = NewSession();
        var console = new TestConsole();
        var kata = copy.Kata("SquareGenerator");

        Commands.Hint(session, console, kata);
        Assert.Contains("Hint 1 of", console.Output);
        Assert.DoesNotContain("Hint 2 of", console.Output);
        for (var i = 1; i < kata.Hints.Count; i++)
        {
            Commands.Hint(session, console, kata);
        }
        Assert.Contains("(the recipe)", console.Output);
        Assert.Contains("yield return", console.Output);
    }

    [Fact]
    public void Reset_puts_the_stub_back_from_git()
    {
        copy.Untouched();
        copy.Solve("SquareQueries");
        Assert.DoesNotContain("Todo.Kata(", copy.Read("katas/01-Generators/SquareQueries.cs"));

        var exit = Commands.Reset(NewSession(), new TestConsole(), copy.Kata("SquareQueries"), yes: true, interactive: false);

        Assert.Equal(0, exit);
        Assert.Contains("Todo.Kata(", copy.Read("katas/01-Generators/SquareQueries.cs"));
    }

    [Fact]
    public void The_solution_waits_until_the_kata_passes_then_comes_with_its_classic_wrong_answers()
    {
        copy.Untouched();
        copy.AddWrongAnswers();
        var session = NewSession();

        var hidden = new TestConsole();
        Assert.Equal(1, Commands.Solution(session, hidden, copy.Kata("SquareQueries"), force: false));
        Assert.DoesNotContain("numbers.Select", hidden.Output);

        copy.Solve("SquareQueries");
        var shown = new TestConsole();
        shown.Profile.Width = 160;
        Assert.Equal(0, Commands.Solution(session, shown, copy.Kata("SquareQueries"), force: false));
        Assert.Contains("numbers.Select", shown.Output);
        Assert.Contains("❌", shown.Output);
        Assert.Contains("computing the squares at once in Lazy too", shown.Output);
        Assert.Contains("Why it fails:", shown.Output);
        Assert.Contains("✅", shown.Output);
        output.WriteLine(shown.Output);
    }
}
