// Wrong answer: links a source to the caller's token and never disposes it
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: the link stays registered on the caller's token after the race, one per call, for as long as the caller's source lives; create the linked source with using.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
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
