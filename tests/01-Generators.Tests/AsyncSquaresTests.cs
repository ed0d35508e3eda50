using Microsoft.Extensions.Time.Testing;

namespace Generators.Tests;

// Kata 5: an async stream with cancellation. Time is a FakeTimeProvider: nothing really sleeps.
// Wrong answers these tests reject:
//   - Task.Delay(interval) without the TimeProvider: the value never comes when the fake clock moves;
//   - producing values without waiting: a value is ready before the interval has passed;
//   - ignoring the token, or a token parameter without [EnumeratorCancellation]: cancelling does not stop the wait.
public class AsyncSquaresTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private const string NoValueAfterTheClockMoved =
        "No value came after the fake clock moved on by the interval. Wait with Task.Delay(interval, time, cancellationToken).";

    [Fact]
    public async Task Yields_one_square_per_interval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        var printed = new List<string>();

        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 4, Interval, clock).GetAsyncEnumerator());
        while (true)
        {
            var next = squares.MoveNextAsync();
            clock.Advance(Interval);
            if (!await Within.Await(next, NoValueAfterTheClockMoved))
            {
                break;
            }
            printed.Add($"after {clock.GetUtcNow() - start}: {squares.Current}");
        }

        Snapshot.Match(printed);
    }

    [Fact]
    public async Task A_value_is_ready_only_when_its_interval_has_passed()
    {
        var clock = new FakeTimeProvider();
        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(3, 3, Interval, clock).GetAsyncEnumerator());

        var next = squares.MoveNextAsync();
        Assert.False(next.IsCompleted, "The first square was ready at once: wait for the interval before each value.");

        clock.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.False(next.IsCompleted, "The square was ready a second early: wait the whole interval.");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Within.Await(next, NoValueAfterTheClockMoved));
        Assert.Equal(9, squares.Current);
    }

    [Fact]
    public async Task WithCancellation_stops_the_producer_while_it_waits()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new FakeTimeProvider();
        // This is what `await foreach (var x in stream.WithCancellation(token))` does underneath.
        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 5, Interval, clock).GetAsyncEnumerator(cancel.Token));

        var next = squares.MoveNextAsync();
        cancel.Cancel();

        var outcome = await Within.Outcome(next,
            "Cancelling through WithCancellation did not stop the stream. Mark the token parameter with " +
            "[EnumeratorCancellation] and pass it to Task.Delay.", TimeSpan.FromSeconds(5));
        Assert.IsAssignableFrom<OperationCanceledException>(outcome);
    }

    [Fact]
    public async Task A_token_passed_directly_stops_the_producer_while_it_waits()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new FakeTimeProvider();
        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 5, Interval, clock, cancel.Token).GetAsyncEnumerator());

        var first = squares.MoveNextAsync();
        clock.Advance(Interval);
        Assert.True(await Within.Await(first, NoValueAfterTheClockMoved));

        var second = squares.MoveNextAsync();
        cancel.Cancel();

        var outcome = await Within.Outcome(second,
            "Cancelling the token did not stop the stream. Pass the token to Task.Delay.", TimeSpan.FromSeconds(5));
        Assert.IsAssignableFrom<OperationCanceledException>(outcome);
    }
}
