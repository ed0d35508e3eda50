// Wrong answer: returns the result of the first contender in the list
// Replaces: FirstWins.cs
// Found by: test header
// Why it fails: the first in the list is not always the first to finish; await Task.WhenAny to learn who really finished first.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = contenders.Select(contender => contender(race.Token)).ToList();
        await Task.WhenAny(tasks);
        race.Cancel();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            // the losers have ended
        }
        return await tasks[0];
    }
}
