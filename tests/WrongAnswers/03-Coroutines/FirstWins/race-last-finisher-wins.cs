// Wrong answer: each contender writes itself into a shared "winner" variable when it finishes; the race waits for the first, cancels the rest, waits for them, and returns the variable
// Replaces: FirstWins.cs
// Found by: coyote review
// Why it fails: every contender that finishes (the cancelled ones too) overwrites the variable, so the last to finish wins, not the first; take the winner from `await Task.WhenAny(tasks)`.

namespace Coroutines;

public static class FirstWins
{
    public static async Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default)
    {
        using var race = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var someoneFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<T>? winner = null;

        async Task<T> Run(Func<CancellationToken, Task<T>> contender)
        {
            var task = contender(race.Token);
            try
            {
                return await task;
            }
            finally
            {
                winner = task;
                someoneFinished.TrySetResult();
            }
        }

        var running = contenders.Select(Run).ToList();
        if (running.Count == 0)
        {
            throw new ArgumentException("A race needs at least one contender.", nameof(contenders));
        }

        await someoneFinished.Task;
        race.Cancel();
        try
        {
            await Task.WhenAll(running);
        }
        catch
        {
            // the losers have ended
        }
        return await winner!;
    }
}
