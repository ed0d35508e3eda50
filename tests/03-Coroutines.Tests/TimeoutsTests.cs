using Microsoft.Extensions.Time.Testing;

namespace Coroutines.Tests;

// Kata 3: a deadline for a piece of work. Time is a FakeTimeProvider: nothing really sleeps, and the deadline
// is an hour so that a real-time timer could never fire during the test.
// Wrong answers these tests reject:
//   - Task.Delay(timeout) or CancelAfter(timeout) on the real clock: nothing happens when the fake clock moves;
//   - WaitAsync(timeout, time) alone: the caller is released but the work's token is never cancelled, so it runs on;
//   - cancelling the work's token alone: work that ignores its token keeps the caller waiting forever;
//   - returning a default value at the deadline instead of throwing;
//   - ignoring the caller's own token;
//   - relying on a `using` linked CancellationTokenSource alone: when the caller cancels, the method can return and
//     dispose the link before it passes the cancellation on, so the work is never told (cancel it in a finally).
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
        var outcome = await Finished.Outcome(call, CallerStillWaiting, TimeSpan.FromSeconds(5));
        Assert.True(outcome is TimeoutException or OperationCanceledException,
            $"At the deadline the caller got {Describe(outcome)}.");
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

        var outcome = await Finished.Outcome(call,
            "The work ignored its token, and the caller waited for it past the deadline. " +
            "Await the work with WaitAsync(timeout, time) so that the caller is released anyway.",
            TimeSpan.FromSeconds(5));
        Assert.Equal("a TimeoutException or an OperationCanceledException", Describe(outcome));
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

        var outcome = await Finished.Outcome(call,
            "The caller cancelled, but WithTimeoutAsync kept waiting. Link the caller's token with the deadline's.",
            TimeSpan.FromSeconds(5));
        Assert.IsAssignableFrom<OperationCanceledException>(outcome);
        Assert.True(workCancelled.Task.IsCompleted,
            "The caller cancelled, but the work's token was not cancelled. Link the caller's token into the work's token; " +
            "and note that a linked CancellationTokenSource disposed (by `using`) as you leave may never pass the " +
            "cancellation on: if the work has not finished, cancel its token yourself in a finally.");
    }

    private static string Describe(Exception? outcome) => outcome switch
    {
        TimeoutException or OperationCanceledException => "a TimeoutException or an OperationCanceledException",
        null => "a result instead of an exception (at the deadline, throw a TimeoutException)",
        _ => $"an unexpected {outcome.GetType().Name}: {outcome.Message}",
    };
}
