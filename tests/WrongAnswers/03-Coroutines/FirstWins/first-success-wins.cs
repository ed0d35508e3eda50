// Wrong answer: skips contenders that fail and waits for the first one that succeeds
// Replaces: FirstWins.cs
// Found by: blind review
// Why it fails: when the first to finish has failed, its exception must reach the caller, not be hidden behind a later success; take whatever WhenAny returns first.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = contenders.Select(contender => contender(race.Token)).ToList();
        var pending = tasks.ToList();
        try
        {
            while (true)
            {
                var first = await Task.WhenAny(pending);
                if (first.IsCompletedSuccessfully || pending.Count == 1)
                {
                    return await first;
                }
                pending.Remove(first);
            }
        }
        finally
        {
            race.Cancel();
            try
            {
                await Task.WhenAll(tasks);
            }
            catch
            {
                // the losers have ended
            }
        }
    }
}
