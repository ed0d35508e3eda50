using Microsoft.Extensions.Time.Testing;

namespace Coroutines.Tests;

// Kata 3: a deadline for a piece of work. Time is a fake clock: nothing really sleeps, and the deadline
// is an hour so that a real-time timer could never fire during the test. The clock counts its timers, so a timer
// left behind after the call is seen.
// Wrong answers these tests reject (tests/WrongAnswers/03-Coroutines/Timeouts holds them all):
//   - the real clock (Task.Delay(timeout), CancelAfter(timeout)): nothing happens when the fake clock moves;
//   - WaitAsync alone (the work runs on), the work's token alone (work that ignores it keeps the caller waiting);
//   - a default value or an OperationCanceledException at the deadline instead of a TimeoutException;
//   - the caller's token ignored, left out of WaitAsync, not linked to the work's, or reported as a timeout;
//   - a linked source disposed as the method leaves, before it passed the caller's cancellation on (cancel it in a finally);
//   - a WhenAny delay never cancelled, token sources or registrations never disposed: timers and links left behind.
public class TimeoutsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromHours(1);
    private const string CallerStillWaiting =
        "The caller was still waiting after the fake clock passed the deadline. Use a CancellationTokenSource " +
        "made with the TimeProvider (new CancellationTokenSource(timeout, time)) and WaitAsync(timeout, time).";

    [Fact]
    public async Task Work_that_finishes_in_time_returns_its_result()
    {
        var clock = new FakeTimeProvider();
        var token = CancellationToken.None;

        var call = Timeouts.WithTimeoutAsync(async ct =>
        {
            token = ct;
            await Task.Delay(TimeSpan.FromMinutes(59), clock, ct);
            return 42;
        }, Deadline, clock);
        clock.Advance(TimeSpan.FromMinutes(59));

        Assert.Equal(42, await Within.Await(call, "The work finished before its deadline, but the caller never got the result."));
        Assert.False(token.IsCancellationRequested, "The work's token was cancelled although it finished in time.");
    }

    [Fact]
    public async Task Work_past_its_deadline_is_cancelled_and_the_caller_gets_a_timeout()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var start = clock.GetUtcNow();
        var log = new List<string>();
        var workCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var call = Timeouts.WithTimeoutAsync(async ct =>
        {
            log.Add($"after {clock.GetUtcNow() - start}: the work started");
            ct.Register(() =>
            {
                log.Add($"after {clock.GetUtcNow() - start}: the work's token was cancelled");
                workCancelled.TrySetResult();
            });
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return 42;
        }, Deadline, clock);

        clock.Advance(Deadline - TimeSpan.FromSeconds(1));
        Assert.False(call.IsCompleted, "The caller was released a second before the deadline.");
        Assert.False(workCancelled.Task.IsCompleted, "The work was cancelled a second before the deadline.");

        clock.Advance(TimeSpan.FromSeconds(1));
        var outcome = await Within.Outcome(call, CallerStillWaiting, TimeSpan.FromSeconds(5));
        Assert.True(outcome is TimeoutException, $"At the deadline the caller got {Describe(outcome)}.");
        log.Add($"the caller got {Describe(outcome)}");
        await Within.Await(workCancelled.Task,
            "The caller was released, but the work's token was never cancelled: the work keeps running. " +
            "Pass the work a token that the deadline cancels.", TimeSpan.FromSeconds(5));

        Snapshot.Match(log);
    }

    [Fact]
    public async Task Work_that_ignores_its_token_still_releases_the_caller_at_the_deadline()
    {
        var clock = new FakeTimeProvider();
        var stubborn = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var call = Timeouts.WithTimeoutAsync(_ => stubborn.Task, Deadline, clock);
        clock.Advance(Deadline);

        var outcome = await Within.Outcome(call,
            "The work ignored its token, and the caller waited for it past the deadline. " +
            "Await the work with WaitAsync(timeout, time) so that the caller is released anyway.",
            TimeSpan.FromSeconds(5));
        Assert.Equal("a TimeoutException", Describe(outcome));
    }

    [Fact]
    public async Task The_callers_own_token_cancels_the_work()
    {
        var clock = new FakeTimeProvider();
        using var caller = new CancellationTokenSource();
        var workCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var call = Timeouts.WithTimeoutAsync(async ct =>
        {
            ct.Register(() => workCancelled.TrySetResult());
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return 42;
        }, Deadline, clock, caller.Token);
        caller.Cancel();

        var outcome = await Within.Outcome(call,
            "The caller cancelled, but WithTimeoutAsync kept waiting. Link the caller's token with the deadline's.",
            TimeSpan.FromSeconds(5));
        Assert.IsAssignableFrom<OperationCanceledException>(outcome);
        Assert.True(workCancelled.Task.IsCompleted,
            "The caller cancelled, but the work's token was not cancelled. Link the caller's token into the work's token; " +
            "and note that a linked CancellationTokenSource disposed (by `using`) as you leave may never pass the " +
            "cancellation on: if the work has not finished, cancel its token yourself in a finally.");
    }

    [Fact]
    public async Task The_callers_own_token_releases_the_caller_even_when_the_work_ignores_it()
    {
        var clock = new FakeTimeProvider();
        using var caller = new CancellationTokenSource();
        var stubborn = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var call = Timeouts.WithTimeoutAsync(_ => stubborn.Task, Deadline, clock, caller.Token);
        caller.Cancel();

        var outcome = await Within.Outcome(call,
            "The caller cancelled, and the work ignored its token: the caller was kept waiting. Pass the caller's token to " +
            "WaitAsync too (WaitAsync(timeout, time, cancellationToken)), so that the caller is released at once.",
            TimeSpan.FromSeconds(5));
        Assert.True(outcome is OperationCanceledException,
            $"The caller cancelled, but got {outcome?.GetType().Name ?? "a result"}. Its own cancellation is an " +
            "OperationCanceledException, not a timeout.");
        stubborn.TrySetResult(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_timer_is_left_behind(bool inTime)
    {
        var time = new CountingTimeProvider();
        var stubborn = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var call = Timeouts.WithTimeoutAsync(_ => inTime ? Task.FromResult(42) : stubborn.Task, Deadline, time);
        if (!inTime)
        {
            time.Advance(Deadline);
        }
        await Within.Outcome(call, inTime ? "Work that had finished at once never released the caller." : CallerStillWaiting,
            TimeSpan.FromSeconds(5));

        Assert.True(time.LiveTimers == 0,
            $"After WithTimeoutAsync had returned, {time.LiveTimers} timer(s) of the clock were still running: one per call, " +
            "until the deadline passes. Put the CancellationTokenSource in a `using`, and do not leave a Task.Delay running " +
            "(WaitAsync(timeout, time, cancellationToken) cleans up after itself).");
        stubborn.TrySetResult(0);
    }

    [Fact]
    public async Task Nothing_reaches_the_work_after_the_call_has_returned()
    {
        var clock = new FakeTimeProvider();
        using var caller = new CancellationTokenSource();
        var token = CancellationToken.None;

        var result = await Within.Await(
            Timeouts.WithTimeoutAsync(ct => { token = ct; return Task.FromResult(42); }, Deadline, clock, caller.Token),
            "Work that had finished at once never released the caller.");
        Assert.Equal(42, result);

        // The call is over. Whatever the caller or the clock does now must not reach into it.
        var problem = Record.Exception(caller.Cancel);
        Assert.True(problem is null,
            $"Cancelling the caller's token after the call had returned threw {problem?.GetType().Name}: {problem?.InnerException?.Message ?? problem?.Message}. " +
            "A callback registered on the caller's token was left behind: dispose what Register returns, or use " +
            "a linked CancellationTokenSource in a `using`.");
        clock.Advance(Deadline);
        Assert.False(token.IsCancellationRequested,
            "The work had finished in time, but its token was cancelled later, by the caller's token or by the deadline's " +
            "timer: the token sources were never disposed. Create both with `using`.");
    }

    private static string Describe(Exception? outcome) => outcome switch
    {
        TimeoutException => "a TimeoutException",
        OperationCanceledException => "an OperationCanceledException (at the deadline, turn the deadline's cancellation into a TimeoutException)",
        null => "a result instead of an exception (at the deadline, throw a TimeoutException)",
        _ => $"an unexpected {outcome.GetType().Name}: {outcome.Message}",
    };
}
