// Wrong answer: keeps the started contenders in a lazy Select and enumerates it again
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: each enumeration of a Select starts every contender again, so each runs two or three times; turn it into a list once.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = contenders.Select(contender => contender(race.Token));
        var winner = await Task.WhenAny(tasks);
        race.Cancel();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            // the losers have ended
        }
        return await winner;
    }
}
