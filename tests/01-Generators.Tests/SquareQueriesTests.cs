namespace Generators.Tests;

// Kata 1: a lazy LINQ query beside a materialised list (seed cell In [6]).
// Wrong answers these tests reject:
//   - Lazy that calls ToList()/ToArray() (eager): the source is read before anyone enumerates.
//   - Lazy that caches its first result: a second enumeration does not see the source change.
//   - Eager that returns a query wrapped in a list later, or reads the source lazily: it does not hold the values of the moment.
public class SquareQueriesTests
{
    [Fact]
    public void Both_print_the_squares_of_1_to_20()
    {
        var numbers = Enumerable.Range(1, 20);

        var printed = new
        {
            Lazy = string.Join(" ", SquareQueries.Lazy(numbers)),
            Eager = string.Join(" ", SquareQueries.Eager(numbers)),
        };

        Snapshot.Match(printed);
    }

    [Fact]
    public void The_lazy_query_reads_nothing_until_it_is_enumerated()
    {
        var source = CountingSource.OneTo(20);

        var query = SquareQueries.Lazy(source);

        Assert.True(source.Pulled == 0,
            $"Lazy read {source.Pulled} numbers before anyone asked for a square. Return a query (Select) instead of a list.");
        Assert.Equal([1, 4, 9], query.Take(3));
    }

    [Fact]
    public void The_lazy_query_reads_only_as_many_numbers_as_the_consumer_takes()
    {
        var source = CountingSource.OneTo(20);

        var firstThree = SquareQueries.Lazy(source).Take(3).ToList();

        Assert.Equal([1, 4, 9], firstThree);
        Assert.True(source.Pulled == 3, $"Taking 3 squares read {source.Pulled} numbers; a lazy query reads exactly 3.");
    }

    [Fact]
    public void The_lazy_query_runs_again_each_time_it_is_enumerated()
    {
        var numbers = new List<int> { 1, 2, 3 };
        var query = SquareQueries.Lazy(numbers);

        var first = query.ToList();
        numbers.Add(4);
        var second = query.ToList();

        Assert.Equal([1, 4, 9], first);
        Assert.True(second.SequenceEqual([1, 4, 9, 16]),
            "A query is a recipe: enumerating it again must read the source again and see the 4 that was added.");
    }

    [Fact]
    public void The_eager_list_reads_everything_at_once_and_keeps_it()
    {
        var numbers = new List<int> { 1, 2, 3 };
        var source = new CountingSource<int>(numbers);

        var squares = SquareQueries.Eager(source);
        Assert.True(source.Pulled == 3,
            $"Eager must read the 3 numbers once, computing every square, before it returns; it read {source.Pulled}. " +
            "Build the list in one pass (ToList()).");

        numbers.Add(4);
        Assert.Equal([1, 4, 9], squares);
        Assert.Equal(1, source.Enumerations);
    }
}
