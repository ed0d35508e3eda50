// Wrong answer: Generate yields each square first and waits the interval afterwards
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: the first square arrives before any wait and the last wait is wasted; wait before each value, not after.

using System.Runtime.CompilerServices;

namespace Generators;

public static class AsyncSquares
{
    public static async IAsyncEnumerable<int> Generate(
        int from,
        int to,
        TimeSpan interval,
        TimeProvider time,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var x = from; x <= to; x++)
        {
            yield return x * x;
            await Task.Delay(interval, time, cancellationToken);
        }
    }
}
