// Wrong answer: cancels the losers, then awaits them all with WhenAll
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: awaiting the cancelled losers throws their OperationCanceledException, which replaces the winner's result; wait for them inside a try whose catch takes whatever they end with.

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
        await Task.WhenAll(tasks);
        return await winner;
    }
}
