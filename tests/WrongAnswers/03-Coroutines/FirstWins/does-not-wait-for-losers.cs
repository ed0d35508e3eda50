// Wrong answer: cancels the losers and returns at once, without waiting for them to stop
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: the method returns while the losers are still running their clean-up; after Cancel, wait for them all to end (without letting their cancellation throw).

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = contenders.Select(contender => contender(race.Token)).ToList();
        var winner = await Task.WhenAny(tasks);
        race.Cancel();
        return await winner;
    }
}
