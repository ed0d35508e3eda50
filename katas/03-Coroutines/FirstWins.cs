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
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint FirstWins</c> gives one hint at a time.</remarks>
    public static Task<T> RaceAsync<T>(
        IEnumerable<Func<CancellationToken, Task<T>>> contenders,
        CancellationToken cancellationToken = default) =>
        throw Todo.Kata();
}
