// Wrong answer: makes a new CancellationTokenSource that is not linked to the caller's token
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: when the caller cancels, the contenders are never told and the caller keeps waiting; link the source with CreateLinkedTokenSource(cancellationToken).

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        using var race = new CancellationTokenSource();
        var tasks = contenders.Select(contender => contender(race.Token)).ToList();
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
