namespace Generators.Tests;

// Kata 2: an iterator method with yield return (seed cell In [4]).
// Wrong answers these tests reject:
//   - building a List<int> and returning it: all 20 squares are produced before the first is asked for;
//   - an iterator that fills a list first and then yields from it: the first MoveNext produces everything;
//   - forgetting to call `produced`, or calling it after the yield: the turn-taking log is wrong.
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

        Assert.Equal([1, 4, 9, 1, 4, 9], produced);
    }
}
