namespace Coroutines;

/// <summary>
/// Kata 6 ("Going further: first wins with WhenAny"): ask several sources for the same answer,
/// take the first one that arrives, and cancel the rest.
/// </summary>
public static class FirstWins
{
    /// <summary>
    /// Starts every contender at once, each with a token, and returns the result of the first one
    /// to finish (if it failed, its exception). The tokens of the others are cancelled as soon as
    /// there is a winner, and the method returns once they have stopped.
    /// </summary>
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = contenders.Select(contender => contender(race.Token)).ToList();
        if (running.Count == 0)
        {
            throw new ArgumentException("A race needs at least one contender.", nameof(contenders));
        }

        // WhenAny returns the first task to finish; it does not stop the others.
        var winner = await Task.WhenAny(running);
        race.Cancel();

        // Wait for the losers to notice, so nothing is still running after we return. Their
        // cancellations and failures are expected now and are not the caller's business: catch
        // everything here (the winner's own failure comes out of `await winner` below).
        try
        {
            await Task.WhenAll(running);
        }
        catch
        {
            // Every loser has ended; what they ended with does not matter.
        }

        return await winner;
    }
}
