// Wrong answer: throws the winner's Exception property when it failed
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: the caller gets an AggregateException wrapper instead of the exception the winner threw; await the winning task so its own exception comes out.

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
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            // the losers have ended
        }
        if (winner.IsFaulted)
        {
            throw winner.Exception!;
        }
        return winner.Result;
    }
}
