namespace Generators;

/// <summary>
/// Kata 5, "going further": an async stream that waits between values and stops when cancelled.
/// </summary>
public static class AsyncSquares
{
    /// <summary>
    /// Yields the squares of <paramref name="from"/> to <paramref name="to"/>, waiting
    /// <paramref name="interval"/> on <paramref name="time"/> before each one. Cancelling the
    /// token, whether passed directly or through <c>WithCancellation</c>, stops the wait at once.
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint AsyncSquares</c> gives one hint at a time.</remarks>
    public static IAsyncEnumerable<int> Generate(
        int from,
        int to,
        TimeSpan interval,
        TimeProvider time,
        CancellationToken cancellationToken = default) =>
        throw Todo.Kata();
}
