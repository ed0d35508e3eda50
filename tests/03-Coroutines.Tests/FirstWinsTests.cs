using System.Runtime.CompilerServices;

namespace Coroutines.Tests;

// Kata 6: first wins, Task.WhenAny. The test decides who finishes first with TaskCompletionSources.
// Wrong answers these tests reject (tests/WrongAnswers/03-Coroutines/FirstWins holds them all):
//   - Task.WhenAll, awaiting the contenders in turn, or the first in the list: the wrong winner, or a hang;
//   - not cancelling the losers, or giving them tokens the caller's token does not reach;
//   - returning before the losers have stopped, or letting a loser's exception replace the winner's result;
//   - skipping a failed winner, or wrapping its exception in an AggregateException;
//   - a lazy Select enumerated twice (every contender started again), a linked source never disposed.
public class FirstWinsTests
{
    private static readonly string[] Names = ["a", "b", "c"];

    [Fact]
    public async Task The_fastest_result_is_returned_and_the_others_are_cancelled()
    {
        var race = new Race(Names);
        var log = new List<string>();

        var racing = FirstWins.RaceAsync(race.Contenders);
        await race.AllStarted();
        race.Finish("b");

        var winner = await Within.Await(racing,
            "Contender b finished, but RaceAsync did not return. Await Task.WhenAny, not Task.WhenAll.");
        log.Add($"winner: {winner}");
        await race.Cancelled("a", "c");
        log.Add("cancelled: a, c");

        Assert.Equal("b", winner);
        Assert.True(race.StartCount == 3,
            $"The 3 contenders were started {race.StartCount} times in all. Turn contenders.Select(...) into a list once " +
            "(ToList): a lazy Select starts every contender again each time it is enumerated.");
        Snapshot.Match(log);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("c")]
    public async Task The_winner_is_whoever_finishes_first_not_the_first_in_the_list(string first)
    {
        var race = new Race(Names);

        var racing = FirstWins.RaceAsync(race.Contenders);
        await race.AllStarted();
        race.Finish(first);

        var winner = await Within.Await(racing, $"Contender {first} finished, but RaceAsync did not return.");
        Assert.True(winner == first, $"Contender {first} finished first, but RaceAsync returned {winner}'s result.");
        await race.Cancelled(Names.Where(n => n != first).ToArray());
    }

    [Fact]
    public async Task A_winner_that_fails_passes_its_exception_on()
    {
        var race = new Race(Names);

        var racing = FirstWins.RaceAsync(race.Contenders);
        await race.AllStarted();
        race.Fail("c", new InvalidOperationException("c broke"));

        var outcome = await Within.Outcome(racing, "Contender c failed first, but RaceAsync did not return.");
        Assert.True(outcome is InvalidOperationException { Message: "c broke" },
            $"The first contender to finish failed with 'c broke', but RaceAsync ended with {outcome?.GetType().Name ?? "a result"}.");
    }

    [Fact]
    public async Task Cancelling_the_caller_cancels_every_contender()
    {
        var race = new Race(Names);
        using var caller = new CancellationTokenSource();

        var racing = FirstWins.RaceAsync(race.Contenders, caller.Token);
        await race.AllStarted();
        caller.Cancel();

        await race.Cancelled(Names, name =>
            $"The caller cancelled, but contender {name}'s token was never cancelled. Make the contenders' " +
            "CancellationTokenSource with CancellationTokenSource.CreateLinkedTokenSource(cancellationToken).");
        var outcome = await Within.Outcome(racing, "The caller cancelled, but RaceAsync did not return.");
        Assert.IsAssignableFrom<OperationCanceledException>(outcome);
    }

    [Fact]
    public async Task The_race_ends_once_the_losers_have_stopped_and_their_failures_do_not_count()
    {
        // b wins. a takes its time to stop, then fails as it stops; c stops at once.
        var bFinishes = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var aToldToStop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aStops = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = new Started<string>();
        Func<CancellationToken, Task<string>>[] contenders =
        [
            async ct =>
            {
                started.Add("a");
                ct.Register(() => aToldToStop.TrySetResult());
                await aToldToStop.Task;
                await aStops.Task;
                throw new InvalidOperationException("a broke while it was stopping");
            },
            ct => { started.Add("b"); return bFinishes.Task; },
            ct => { started.Add("c"); return Task.Delay(Timeout.InfiniteTimeSpan, ct).ContinueWith(_ => "c", TaskScheduler.Default); },
        ];
        try
        {
            var racing = FirstWins.RaceAsync(contenders);
            await started.WhenCount(3, "Not every contender was started: start them all before you wait for the first.");
            bFinishes.SetResult("b");

            await Within.Await(aToldToStop.Task,
                "Contender b won, but a's token was never cancelled. Cancel the losers' token once the winner is known.",
                TimeSpan.FromSeconds(5));
            await Task.WhenAny(racing, Task.Delay(TimeSpan.FromMilliseconds(200)));
            Assert.False(racing.IsCompleted,
                "RaceAsync returned while contender a was still stopping. After cancelling the losers, wait for them to end " +
                "(await Task.WhenAll(...) inside a try, with a catch that takes whatever they end with), so nothing is left running.");

            aStops.SetResult();
            var outcome = await Within.Outcome(racing, "Contender a stopped, but RaceAsync did not return.", TimeSpan.FromSeconds(5));
            Assert.True(outcome is null,
                $"Contender b won, but RaceAsync ended with {outcome?.GetType().Name}: {outcome?.Message}. What the losers do " +
                "as they stop, even failing, is not the caller's business: wait for them in a try whose catch takes every " +
                "exception (`catch { }`), not only OperationCanceledException.");
            Assert.Equal("b", await racing);
        }
        finally
        {
            aToldToStop.TrySetResult();
            aStops.TrySetResult();
        }
    }

    [Fact]
    public async Task The_linked_token_source_is_disposed_after_the_race()
    {
        // The caller's source outlives the race. A linked source that is never disposed stays registered on it,
        // with everything it holds; the contenders' token's WaitHandle is part of what it holds.
        using var caller = new CancellationTokenSource();
        var handles = new List<WeakReference>();
        Func<CancellationToken, Task<string>>[] contenders =
        [
            ct => { handles.Add(WaitHandleOf(ct)); return Task.FromResult("a"); },
            ct => { handles.Add(WaitHandleOf(ct)); return Task.FromResult("b"); },
        ];

        var winner = await Within.Await(FirstWins.RaceAsync(contenders, caller.Token), "RaceAsync did not return for two contenders that finish at once.");
        Assert.True(winner is "a" or "b");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.True(handles.Count > 0 && handles.All(h => !h.IsAlive),
            "After the race, the contenders' token source is still registered on the caller's token: it was never " +
            "disposed. Create it with `using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);`.");
    }

    // Kept out of the test method, so that nothing but the weak reference points to the handle.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference WaitHandleOf(CancellationToken token) => new(token.WaitHandle);

    /// <summary>
    /// Contenders that start, then wait until the test says they finish (or their token is cancelled).
    /// </summary>
    private sealed class Race
    {
        private readonly Dictionary<string, TaskCompletionSource<string>> _finish = [];
        private readonly Dictionary<string, TaskCompletionSource> _cancelled = [];
        private readonly Started<string> _started = new();

        public Race(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                _finish[name] = new(TaskCreationOptions.RunContinuationsAsynchronously);
                _cancelled[name] = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public IEnumerable<Func<CancellationToken, Task<string>>> Contenders =>
            _finish.Keys.Select(name => (Func<CancellationToken, Task<string>>)(ct => Run(name, ct)));

        private Task<string> Run(string name, CancellationToken ct)
        {
            _started.Add(name);
            ct.Register(() => _cancelled[name].TrySetResult());
            return _finish[name].Task.WaitAsync(ct);
        }

        public int StartCount => _started.Items.Count;

        public Task AllStarted() => _started.WhenCount(_finish.Count,
            "Not every contender was started: start them all before you wait for the first.");

        public void Finish(string name) => _finish[name].SetResult(name);

        public void Fail(string name, Exception exception) => _finish[name].SetException(exception);

        public Task Cancelled(params string[] names) => Cancelled(names, name =>
            $"Contender {name} lost the race, but its token was never cancelled, so it keeps running. " +
            "Give every contender the token of one CancellationTokenSource and cancel it when the winner is known.");

        public async Task Cancelled(IEnumerable<string> names, Func<string, string> whatWentWrong)
        {
            foreach (var name in names)
            {
                await Within.Await(_cancelled[name].Task, whatWentWrong(name), TimeSpan.FromSeconds(5));
            }
        }
    }
}
