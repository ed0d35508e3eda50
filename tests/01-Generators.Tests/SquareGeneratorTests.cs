namespace Generators.Tests;

// Kata 2: an iterator method with yield return (seed cell In [4]).
// Wrong answers these tests reject (the full list is tests/WrongAnswers/01-Generators/SquareGenerator/):
//   - building a List<int> and returning it: all 20 squares are produced before the first is asked for;
//   - an iterator that fills a list first and then yields from it: the first MoveNext produces everything;
//   - forgetting to call `produced`, or calling it after the yield: the turn-taking log is wrong;
//   - a producer thread handing squares over: `produced` runs off the consumer's thread;
//   - a loop counter kept in a static field, or Enumerable.Range(from, to): wrong after an early stop or for other ranges.
public class SquareGeneratorTests
{
    [Fact]
    public void Yields_the_squares_of_1_to_20()
    {
        var squares = SquareGenerator.Squares(1, 20, _ => { });

        Assert.Equal(Enumerable.Range(1, 20).Select(x => x * x), squares);
    }

    [Fact]
    public void Produces_nothing_until_the_first_square_is_asked_for()
    {
        var produced = new List<int>();

        var squares = SquareGenerator.Squares(1, 20, produced.Add);

        Assert.True(produced.Count == 0,
            $"Calling Squares already produced {produced.Count} squares. An iterator method runs only when enumerated: use yield return.");
        GC.KeepAlive(squares);
    }

    [Fact]
    public void Produces_one_square_per_request()
    {
        var produced = new List<int>();
        using var squares = SquareGenerator.Squares(1, 20, produced.Add).GetEnumerator();

        Assert.True(squares.MoveNext());
        Assert.True(produced.Count == 1, $"Asking for one square produced {produced.Count}. Yield each square as soon as it is made.");
        Assert.True(squares.MoveNext());
        Assert.True(squares.MoveNext());
        Assert.Equal([1, 4, 9], produced);
    }

    [Fact]
    public void Producer_and_consumer_take_turns()
    {
        var log = new List<string>();

        foreach (var square in SquareGenerator.Squares(1, 4, x => log.Add($"produce {x}")))
        {
            log.Add($"consume {square}");
        }

        Snapshot.Match(log);
    }

    [Fact]
    public void A_second_foreach_runs_the_method_again()
    {
        var produced = new List<int>();
        var squares = SquareGenerator.Squares(1, 3, produced.Add);

        _ = squares.ToList();
        _ = squares.ToList();

        Assert.True(produced.SequenceEqual([1, 4, 9, 1, 4, 9]),
            $"Two passes over Squares(1, 3) produced [{string.Join(", ", produced)}]. Each foreach runs the iterator method again from the start " +
            "and makes every square on request; keep all the work inside the loop with yield return.");
    }

    [Fact]
    public void Works_for_any_range()
    {
        Assert.True(SquareGenerator.Squares(3, 6, _ => { }).SequenceEqual([9, 16, 25, 36]),
            $"Squares(3, 6) gave [{string.Join(", ", SquareGenerator.Squares(3, 6, _ => { }))}]; expected 9, 16, 25, 36. " +
            "Loop from `from` up to and including `to`.");
        Assert.True(SquareGenerator.Squares(-2, 1, _ => { }).SequenceEqual([4, 1, 0, 1]),
            $"Squares(-2, 1) gave [{string.Join(", ", SquareGenerator.Squares(-2, 1, _ => { }))}]; expected 4, 1, 0, 1.");
        Assert.Empty(SquareGenerator.Squares(5, 4, _ => { }));
    }

    [Fact]
    public void A_new_enumeration_starts_again_after_one_that_stopped_early()
    {
        var squares = SquareGenerator.Squares(1, 5, _ => { });

        var firstTwo = squares.Take(2).ToList();
        var all = squares.ToList();
        var again = SquareGenerator.Squares(1, 5, _ => { }).ToList();

        Assert.Equal([1, 4], firstTwo);
        Assert.True(all.SequenceEqual([1, 4, 9, 16, 25]) && again.SequenceEqual([1, 4, 9, 16, 25]),
            $"After an enumeration that stopped at 4, the next ones gave [{string.Join(", ", all)}] and [{string.Join(", ", again)}]. " +
            "Every enumeration starts from `from`: keep the loop variable inside the iterator method, not in a field.");
    }

    [Fact]
    public async Task Runs_on_the_consumers_thread()
    {
        // The consumer is a thread of its own here, so a producer that hands squares over and deadlocks fails in 5 s.
        var witness = await Within.Run(() =>
        {
            var seen = new ThreadWitness();
            foreach (var square in SquareGenerator.Squares(1, 20, seen.Watch<int>(_ => { })).Take(3))
            {
                seen.Saw();
            }
            return seen;
        }, "Taking 3 squares did not finish. Write a plain loop with yield return; it needs no threads or hand-overs.", TimeSpan.FromSeconds(5));

        witness.AssertOnlyTheConsumersThread("produced");
    }
}
