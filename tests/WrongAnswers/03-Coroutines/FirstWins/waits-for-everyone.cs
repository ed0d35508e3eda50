// Wrong answer: waits for every contender to finish, then takes the first successful one in the list
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: the race lasts as long as the slowest contender, the losers are never cancelled, and the winner is picked by its place in the list, not by who finished first; await Task.WhenAny for the winner and cancel the rest.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        var tasks = contenders.Select(contender => contender(cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            // the losers have ended
        }
        return await (tasks.FirstOrDefault(task => task.IsCompletedSuccessfully) ?? tasks[0]);
    }
}
