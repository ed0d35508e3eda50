// Wrong answer: Generate yields the squares with no wait at all (an async iterator with only await Task.Yield())
// Replaces: AsyncSquares.cs
// Found by: test header
// Why it fails: the values do not wait for their interval; await Task.Delay(interval, time, cancellationToken) before each one.

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
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return x * x;
        }
    }
}
