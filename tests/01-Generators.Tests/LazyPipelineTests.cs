namespace Generators.Tests;

// Kata 4: a pipeline of iterator stages.
// Wrong answers these tests reject (the full list is tests/WrongAnswers/01-Generators/LazyPipeline/):
//   - a stage that materialises (ToList) its input: stage 1 runs for every line before stage 2 starts;
//   - Build that returns a finished list: lines are read that nobody asked for;
//   - logging after the yield instead of before: the order of the log is wrong;
//   - skipping a line that is not a number, or turning it into 0: the consumer never hears of the bad line;
//   - a stage that walks its input by hand and never disposes it: the source stays open after an early stop;
//   - a stage on a thread of its own: a thread is left blocked (and the source open) after an early stop.
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

    [Fact]
    public void A_line_that_is_not_a_number_stops_the_pipeline_with_an_error()
    {
        var delivered = new List<string>();
        var pipeline = LazyPipeline.Build(["1", "two", "3"], _ => { });

        Exception? error = null;
        try
        {
            foreach (var description in pipeline)
            {
                delivered.Add(description);
            }
        }
        catch (Exception exception)
        {
            error = exception;
        }

        Assert.True(error is not null,
            $"The line \"two\" is not a number, yet the pipeline ended without an error and gave [{string.Join(", ", delivered)}]. " +
            "Do not skip a bad line or make up a number for it: let int.Parse throw, so the consumer learns the input was wrong.");
        Assert.True(delivered.SequenceEqual(["1² = 1"]),
            $"Before the bad line the pipeline gave [{string.Join(", ", delivered)}]; the first line should have flowed through " +
            "on its own before the second was read.");
    }

    [Fact]
    public void Keeps_repeated_and_negative_numbers_in_order()
    {
        var described = LazyPipeline.Build(["2", "-3", "2"], _ => { }).ToList();

        Assert.True(described.SequenceEqual(["2² = 4", "-3² = 9", "2² = 4"]),
            $"The pipeline gave [{string.Join(", ", described)}] for the lines 2, -3, 2. Every line becomes one item, in order, repeats included.");
    }

    [Fact]
    public void Stopping_early_disposes_every_stage_and_the_source()
    {
        var lines = new CountingSource<string>(["1", "2", "3"]);
        var numbers = CountingSource.OneTo(3);
        var pairs = new CountingSource<(int, int)>([(1, 1), (2, 4), (3, 9)]);

        _ = LazyPipeline.Build(lines, _ => { }).Take(1).ToList();
        _ = LazyPipeline.Square(numbers, _ => { }).Take(1).ToList();
        _ = LazyPipeline.Describe(pairs, _ => { }).Take(1).ToList();

        Assert.True(lines.Open + numbers.Open + pairs.Open == 0,
            $"After the consumer stopped early, inputs were still open (lines {lines.Open}, numbers {numbers.Open}, pairs {pairs.Open}): " +
            "a stage did not dispose what it was reading, so clean-up further up the chain never runs. " +
            "Read each input with foreach, which disposes it even when the consumer stops.");
        Assert.True(lines.Enumerations == 1, $"The lines were enumerated {lines.Enumerations} times; read them once.");
    }

    [Fact]
    public async Task Runs_on_the_consumers_thread()
    {
        // The consumer is a thread of its own here, so a stage that hands items over and deadlocks fails in 5 s.
        var witness = await Within.Run(() =>
        {
            var seen = new ThreadWitness();
            foreach (var description in LazyPipeline.Build(["1", "2", "3"], seen.Watch<string>(_ => { })).Take(2))
            {
                seen.Saw();
            }
            return seen;
        }, "Taking 2 items did not finish. Iterator stages need no threads or hand-overs: one foreach with yield return per stage.",
            TimeSpan.FromSeconds(5));

        witness.AssertOnlyTheConsumersThread("log");
    }
}
