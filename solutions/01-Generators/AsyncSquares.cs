using System.Runtime.CompilerServices;

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
    public static async IAsyncEnumerable<int> Generate(
        int from,
        int to,
        TimeSpan interval,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var x = from; x <= to; x++)
        {
            // Passing the TimeProvider lets tests move time by hand; passing the token lets
            // the consumer interrupt the wait instead of sitting it out.
            await Task.Delay(interval, time, cancellationToken);
            yield return x * x;
        }
    }
}
