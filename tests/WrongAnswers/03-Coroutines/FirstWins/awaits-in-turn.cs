// Wrong answer: starts every contender, then awaits them one after another and returns the first result it gets
// Replaces: FirstWins.cs
// Found by: test header
// Why it fails: it waits for the first contender in the list, however long it takes, even when another has long finished; await Task.WhenAny for whoever finishes first.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = contenders.Select(contender => contender(race.Token)).ToList();
        foreach (var task in tasks)
        {
            var result = await task;
            race.Cancel();
            try
            {
                await Task.WhenAll(tasks);
            }
            catch
            {
                // the losers have ended
            }
            return result;
        }
        throw new ArgumentException("A race needs at least one contender.", nameof(contenders));
    }
}
