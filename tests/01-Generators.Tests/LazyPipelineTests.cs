namespace Generators.Tests;

// Kata 4: a pipeline of iterator stages.
// Wrong answers these tests reject:
//   - a stage that materialises (ToList) its input: stage 1 runs for every line before stage 2 starts;
//   - Build that returns a finished list: lines are read that nobody asked for;
//   - logging after the yield instead of before: the order of the log is wrong.
public class LazyPipelineTests
{
    private static readonly string[] Lines = ["1", "2", "3"];

    [Fact]
    public void Build_describes_each_number_and_its_square()
    {
        Assert.Equal(["1² = 1", "2² = 4", "3² = 9"], LazyPipeline.Build(Lines, _ => { }));
    }

    [Fact]
    public void Each_item_flows_through_every_stage_before_the_next_is_read()
    {
        var log = new List<string>();

        foreach (var description in LazyPipeline.Build(Lines, log.Add))
        {
            log.Add($"print {description}");
        }

        Assert.True(log.Take(3).SequenceEqual(["parse 1", "square 1", "describe 1"]),
            "The first item must go through parse, square and describe before the second line is read. Log so far: " +
            string.Join(", ", log.Take(6)));
        Snapshot.Match(log);
    }

    [Fact]
    public void Taking_two_items_never_reads_the_third_line()
    {
        var log = new List<string>();
        var lines = new CountingSource<string>(Lines);

        var two = LazyPipeline.Build(lines, log.Add).Take(2).ToList();

        Assert.Equal(2, two.Count);
        Assert.True(lines.Pulled == 2, $"Two results needed two lines, but the pipeline read {lines.Pulled}.");
        Assert.DoesNotContain("parse 3", log);
    }

    [Fact]
    public void Nothing_runs_until_the_pipeline_is_enumerated()
    {
        var log = new List<string>();
        var lines = new CountingSource<string>(Lines);

        var pipeline = LazyPipeline.Build(lines, log.Add);

        Assert.True(lines.Pulled == 0 && log.Count == 0,
            $"Building the pipeline already read {lines.Pulled} line(s) and logged [{string.Join(", ", log)}]; it should only describe the work.");
        GC.KeepAlive(pipeline);
    }

    [Fact]
    public void Every_stage_is_lazy_on_its_own()
    {
        var log = new List<string>();
        var lines = new CountingSource<string>(Lines);
        var numbers = CountingSource.OneTo(3);
        var pairs = new CountingSource<(int, int)>([(1, 1), (2, 4)]);

        _ = LazyPipeline.Parse(lines, log.Add);
        _ = LazyPipeline.Square(numbers, log.Add);
        _ = LazyPipeline.Describe(pairs, log.Add);

        Assert.True(lines.Pulled + numbers.Pulled + pairs.Pulled == 0 && log.Count == 0,
            "A stage read its input as soon as it was called. Write each stage as an iterator method (foreach + yield return).");
    }
}
