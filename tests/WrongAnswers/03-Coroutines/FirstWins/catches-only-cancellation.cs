// Wrong answer: waits for the losers and catches only OperationCanceledException
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: a loser that fails with a real exception while it stops throws it at the caller, in place of the winner's result; wait for the losers in a try with a catch that takes every exception (`catch { }`), not only cancellations.

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
        catch (OperationCanceledException)
        {
            // the losers were cancelled, as expected
        }
        return await winner;
    }
}
