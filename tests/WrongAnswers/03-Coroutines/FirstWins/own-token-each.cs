// Wrong answer: gives every contender its own CancellationTokenSource, not linked to the caller's token
// Replaces: FirstWins.cs
// Found by: test header
// Why it fails: cancelling the caller's token stops nobody; make one source with CreateLinkedTokenSource(cancellationToken) and give its token to every contender.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        var sources = new List<CancellationTokenSource>();
        try
        {
            var tasks = contenders.Select(contender =>
            {
                var source = new CancellationTokenSource();
                sources.Add(source);
                return contender(source.Token);
            }).ToList();
            var winner = await Task.WhenAny(tasks);
            foreach (var source in sources)
            {
                source.Cancel();
            }
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
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }
}
