namespace Generators.Tests;

// Kata 5: an async stream with cancellation. Time is a fake clock: nothing really sleeps.
// Wrong answers these tests reject (the full list is tests/WrongAnswers/01-Generators/AsyncSquares/):
//   - Task.Delay(interval) without the TimeProvider, or a busy loop on the clock: no timer is set on the TimeProvider;
//   - .Wait() or .Result inside the iterator, or a Task.Run that blocks: MoveNextAsync blocks, or the wait runs elsewhere;
//   - producing values without waiting, waiting once, or on a fixed schedule: a value is ready before its interval has passed;
//   - ignoring the token, or a token parameter without [EnumeratorCancellation]: cancelling does not stop the wait;
//   - catching the cancellation and ending quietly: the consumer cannot tell a cancelled stream from a finished one;
//   - timers, token registrations or linked token sources that are never disposed.
public class AsyncSquaresTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);
    private const string NoValueAfterTheClockMoved =
        "No value came after the fake clock moved on by the interval. Wait with Task.Delay(interval, time, cancellationToken).";

    [Fact]
    public async Task Yields_one_square_per_interval()
    {
        var clock = new WatchedClock();
        var start = clock.GetUtcNow();
        var printed = new List<string>();

        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 4, Interval, clock).GetAsyncEnumerator());
        for (var value = 1; ; value++)
        {
            var next = await Ask(squares);
            if (value <= 4)
            {
                clock.Advance(Interval - TimeSpan.FromSeconds(1));
                Assert.False(next.IsCompleted,
                    $"Value {value} was ready before its interval had passed. Every value waits its own full interval: " +
                    "await Task.Delay(interval, time, cancellationToken) inside the loop, before each yield return.");
                clock.Advance(TimeSpan.FromSeconds(1));
            }
            if (!await Within.Await(next, NoValueAfterTheClockMoved, Limit))
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
        var clock = new WatchedClock();
        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(3, 3, Interval, clock).GetAsyncEnumerator());

        var next = await Ask(squares);
        Assert.False(next.IsCompleted, "The first square was ready at once: wait for the interval before each value.");

        clock.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.False(next.IsCompleted, "The square was ready a second early: wait the whole interval.");

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await Within.Await(next, NoValueAfterTheClockMoved, Limit));
        Assert.Equal(9, squares.Current);
    }

    [Fact]
    public async Task Yields_every_square_from_from_to_to_and_then_ends()
    {
        var clock = new WatchedClock();
        var values = new List<int>();

        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(3, 5, Interval, clock).GetAsyncEnumerator());
        for (var asked = 0; asked < 5; asked++)
        {
            var next = await Ask(squares);
            clock.Advance(Interval);
            if (!await Within.Await(next, NoValueAfterTheClockMoved, Limit))
            {
                break;
            }
            values.Add(squares.Current);
        }

        Assert.True(values.SequenceEqual([9, 16, 25]),
            $"Generate(3, 5, ...) gave [{string.Join(", ", values)}]; expected 9, 16, 25 and then the end. Loop from `from` up to and including `to`.");
    }

    [Fact]
    public async Task The_wait_is_a_timer_on_the_TimeProvider_set_by_the_producer_itself()
    {
        var clock = new WatchedClock();
        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 2, Interval, clock).GetAsyncEnumerator());

        for (var value = 1; value <= 2; value++)
        {
            var createdBefore = clock.Created;
            var caller = 0;
            var next = await Ask(squares, onCaller: id => caller = id);

            var timers = clock.Created - createdBefore;
            Assert.False(timers == 0 && next.IsCompleted,
                $"Value {value} was ready at once, without any wait. Await Task.Delay(interval, time, cancellationToken) before each yield return.");
            Assert.True(timers == 1,
                timers == 0
                    ? $"Asking for value {value} set no timer on the TimeProvider the producer was given, so the wait is not on that clock: " +
                      "a delay on the real clock, a busy loop that polls the time, or a wait handed to another thread (Task.Run). " +
                      "Await Task.Delay(interval, time, cancellationToken) right in the iterator."
                    : $"Asking for value {value} set {timers} timers on the TimeProvider; one wait per value needs one Task.Delay.");
            Assert.True(clock.LastCreatorThread == caller,
                "The producer's wait was set up on another thread (Task.Run?), which keeps a thread-pool thread blocked for the whole interval. " +
                "Await Task.Delay(interval, time, cancellationToken) directly in the iterator: it blocks no thread.");

            clock.Advance(Interval);
            Assert.True(await Within.Await(next, NoValueAfterTheClockMoved, Limit));
        }
    }

    [Fact]
    public async Task A_slow_consumer_still_gets_a_full_interval_before_the_next_value()
    {
        var clock = new WatchedClock();
        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 2, Interval, clock).GetAsyncEnumerator());

        var first = await Ask(squares);
        clock.Advance(Interval);
        Assert.True(await Within.Await(first, NoValueAfterTheClockMoved, Limit));

        clock.Advance(Interval * 3); // the consumer is busy with the first value for three intervals
        var second = await Ask(squares);
        Assert.False(second.IsCompleted,
            "The second value was ready at once because the consumer had been busy. Wait a full interval each time a value is asked for, " +
            "not until a fixed time worked out from the start.");

        clock.Advance(Interval);
        Assert.True(await Within.Await(second, NoValueAfterTheClockMoved, Limit));
        Assert.Equal(4, squares.Current);
    }

    [Fact]
    public async Task WithCancellation_stops_the_producer_while_it_waits()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new WatchedClock();
        // This is what `await foreach (var x in stream.WithCancellation(token))` does underneath.
        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 5, Interval, clock).GetAsyncEnumerator(cancel.Token));

        var next = await Ask(squares);
        await cancel.CancelAsync();

        await ExpectCancelled(next,
            "Cancelling through WithCancellation did not stop the stream. Mark the token parameter with " +
            "[EnumeratorCancellation] and pass it to Task.Delay.");
    }

    [Fact]
    public async Task A_token_passed_directly_stops_the_producer_while_it_waits()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new WatchedClock();
        await using var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 5, Interval, clock, cancel.Token).GetAsyncEnumerator());

        var first = await Ask(squares);
        clock.Advance(Interval);
        Assert.True(await Within.Await(first, NoValueAfterTheClockMoved, Limit));

        var second = await Ask(squares);
        await cancel.CancelAsync();

        await ExpectCancelled(second, "Cancelling the token did not stop the stream. Pass the token to Task.Delay.");
    }

    [Theory]
    [InlineData("the token passed directly")]
    [InlineData("the token given through WithCancellation")]
    public async Task With_both_tokens_either_one_stops_the_producer(string whichOne)
    {
        using var direct = new CancellationTokenSource();
        using var viaWithCancellation = new CancellationTokenSource();
        var clock = new WatchedClock();
        await using var squares = new QuietEnumerator<int>(
            AsyncSquares.Generate(1, 5, Interval, clock, direct.Token).GetAsyncEnumerator(viaWithCancellation.Token));

        var next = await Ask(squares);
        await (whichOne.Contains("directly") ? direct : viaWithCancellation).CancelAsync();

        await ExpectCancelled(next,
            $"With two tokens, cancelling {whichOne} did not stop the stream. Keep one token parameter marked " +
            "[EnumeratorCancellation]: the compiler then combines both tokens for you.");
    }

    [Fact]
    public async Task Leaves_no_timer_and_no_token_registration_behind()
    {
        var clock = new WatchedClock();
        using var caller = new CancellationTokenSource();

        // One stream that runs to its end...
        await using (var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 3, Interval, clock, caller.Token).GetAsyncEnumerator()))
        {
            for (var asked = 0; asked < 4; asked++)
            {
                var next = await Ask(squares);
                clock.Advance(Interval);
                if (!await Within.Await(next, NoValueAfterTheClockMoved, Limit))
                {
                    break;
                }
            }
        }
        Assert.True(clock.NotDisposed == 0,
            $"After the stream ended, {clock.NotDisposed} of its {clock.Created} timers were never disposed. " +
            "Task.Delay(interval, time, cancellationToken) cleans up its timer; a timer you create yourself needs a using.");
        var left = TokenRegistrations.Count(caller);
        Assert.True(left == 0,
            $"After the stream ended, {left} callback(s) were still registered on the caller's token, and a long-lived token keeps them for ever. " +
            "Dispose every registration and linked CancellationTokenSource you make (using), or let Task.Delay handle the token.");

        // ... and one cancelled in the middle of a wait.
        using var cancel = new CancellationTokenSource();
        await using (var squares = new QuietEnumerator<int>(AsyncSquares.Generate(1, 3, Interval, clock, cancel.Token).GetAsyncEnumerator()))
        {
            var next = await Ask(squares);
            await cancel.CancelAsync();
            await ExpectCancelled(next, "Cancelling the token did not stop the stream. Pass the token to Task.Delay.");
        }
        Assert.True(clock.NotDisposed == 0,
            $"After the stream was cancelled, {clock.NotDisposed} timer(s) were never disposed and would still fire. " +
            "Task.Delay(interval, time, cancellationToken) disposes its timer when cancelled.");
    }

    /// <summary>
    /// Asks for the next value on a thread of the test's own and waits a bounded time for the call to return.
    /// A correct producer returns a pending task at once; one that blocks (.Wait(), .Result) fails here instead of hanging.
    /// </summary>
    private static async Task<Task<bool>> Ask(QuietEnumerator<int> squares, Action<int>? onCaller = null)
    {
        var call = Task.Factory.StartNew(() =>
        {
            onCaller?.Invoke(Environment.CurrentManagedThreadId);
            return squares.MoveNextAsync();
        }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        return await Within.Await(call,
            "MoveNextAsync did not return while the producer waited: it blocks the caller's thread (.Wait(), .Result or Thread.Sleep " +
            "inside the iterator). Await Task.Delay(interval, time, cancellationToken) instead, so the caller gets a task at once.", Limit);
    }

    private static async Task ExpectCancelled(Task<bool> next, string notStopped)
    {
        var outcome = await Within.Outcome(next, notStopped, Limit);
        Assert.True(outcome is OperationCanceledException,
            outcome is null
                ? "The stream ended quietly when it was cancelled, so the consumer cannot tell it from a stream that finished. " +
                  "Let the OperationCanceledException from Task.Delay reach the consumer."
                : $"Cancelling ended the stream with {outcome.GetType().Name} instead of an OperationCanceledException. " +
                  "Pass the token to Task.Delay and let its OperationCanceledException through.");
    }
}
