// Wrong answer: Generate waits the interval once up front, then yields every square
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: only the first value waits; every value must wait its own interval.

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
        await Task.Delay(interval, time, cancellationToken);
        for (var x = from; x <= to; x++)
        {
            yield return x * x;
        }
    }
}
