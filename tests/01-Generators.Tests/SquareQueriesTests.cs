namespace Generators.Tests;

// Kata 1: a lazy LINQ query beside a materialised list (seed cell In [6]).
// Wrong answers these tests reject (the full list is tests/WrongAnswers/01-Generators/SquareQueries/):
//   - Lazy that calls ToList()/ToArray() (eager): the source is read before anyone enumerates.
//   - Lazy that caches its first result: a second enumeration does not see the source change.
//   - Lazy that walks the source by hand and never disposes it when the consumer stops early.
//   - Eager that squares the caller's list in place, reuses one list, or remembers a list per source.
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

    [Fact]
    public void The_lazy_query_disposes_the_source_when_the_consumer_stops_early()
    {
        var source = CountingSource.OneTo(20);

        var firstTwo = SquareQueries.Lazy(source).Take(2).ToList();

        Assert.Equal([1, 4], firstTwo);
        Assert.True(source.Open == 0,
            "Taking 2 squares and stopping left the source's enumerator open, so its clean-up never ran. " +
            "Select (or foreach) disposes the source for you; a hand-written GetEnumerator loop needs a using.");
    }

    [Fact]
    public void Both_keep_the_input_order_and_its_repeats()
    {
        int[] numbers = [3, -1, 3, 2];

        Assert.True(SquareQueries.Lazy(numbers).SequenceEqual([9, 1, 9, 4]),
            $"Lazy gave [{string.Join(", ", SquareQueries.Lazy(numbers))}] for [3, -1, 3, 2]: square each number in place, " +
            "without sorting or dropping repeats.");
        Assert.True(SquareQueries.Eager(numbers).SequenceEqual([9, 1, 9, 4]),
            $"Eager gave [{string.Join(", ", SquareQueries.Eager(numbers))}] for [3, -1, 3, 2]: square each number in place, " +
            "without sorting or dropping repeats.");
    }

    [Fact]
    public void The_eager_list_is_a_new_list_that_leaves_the_source_alone()
    {
        var numbers = new List<int> { 1, 2, 3 };

        var squares = SquareQueries.Eager(numbers);

        Assert.True(numbers.SequenceEqual([1, 2, 3]),
            $"Eager changed the caller's list to [{string.Join(", ", numbers)}]. Leave the source alone and build a new list (ToList()).");
        numbers.Add(4);
        Assert.True(squares.SequenceEqual([1, 4, 9]),
            $"After a 4 was added to the source the list of squares became [{string.Join(", ", squares)}]. " +
            "Eager must return its own new list (ToList()), not the source.");
    }

    [Fact]
    public void Every_call_to_eager_computes_again_and_returns_its_own_list()
    {
        var numbers = new List<int> { 1, 2, 3 };

        var first = SquareQueries.Eager(numbers);
        numbers.Add(4);
        var second = SquareQueries.Eager(numbers);

        Assert.True(second.SequenceEqual([1, 4, 9, 16]),
            $"The second call gave [{string.Join(", ", second)}] although the source now holds 1 to 4. " +
            "Eager computes the squares right now, on every call; do not keep lists from earlier calls.");
        Assert.True(first.SequenceEqual([1, 4, 9]) && !ReferenceEquals(first, second),
            $"The second call changed the list the first call returned (now [{string.Join(", ", first)}]). " +
            "Each call must return a new list (ToList()), never one shared between calls.");
    }
}
