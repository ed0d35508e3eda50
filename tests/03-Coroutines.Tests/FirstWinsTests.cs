namespace Coroutines.Tests;

// Kata 6: first wins, Task.WhenAny. The test decides who finishes first with TaskCompletionSources.
// Wrong answers these tests reject:
//   - awaiting Task.WhenAll and taking the first result: the losers never finish, so the caller waits for ever;
//   - awaiting the contenders one after another, or returning the first in the list: the wrong answer, or a hang;
//   - returning the winner without cancelling the others: their tokens are never cancelled and they keep running;
//   - giving every contender its own token (or none): cancelling the caller's token stops nobody.
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
