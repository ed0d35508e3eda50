// Wrong answer: returns the first result from WhenAny and leaves the others alone
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: WhenAny does not stop the losers, so they keep running after you have your answer; cancel their token once there is a winner, and wait for them to stop.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        var tasks = contenders.Select(contender => contender(cancellationToken)).ToList();
        var winner = await Task.WhenAny(tasks);
        return await winner;
    }
}
