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
    /// <remarks>
    /// TODO: make this an <c>async</c> iterator (<c>await</c> plus <c>yield return</c>), wait with
    /// <c>Task.Delay(interval, time, cancellationToken)</c>, and mark the token parameter with
    /// <c>[EnumeratorCancellation]</c> (from System.Runtime.CompilerServices) so that
    /// <c>WithCancellation</c> can reach it.
    /// </remarks>
    public static IAsyncEnumerable<int> Generate(
        int from,
        int to,
        TimeSpan interval,
        TimeProvider time,
        CancellationToken cancellationToken = default) =>
        throw Todo.Kata("01-generators.dib", "Going further: async streams");
}
