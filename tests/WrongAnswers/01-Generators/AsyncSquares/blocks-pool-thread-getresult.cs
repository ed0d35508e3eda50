// Wrong answer: Generate awaits Task.Run(() => Task.Delay(interval, time, cancellationToken).GetAwaiter().GetResult(), cancellationToken)
// Replaces: AsyncSquares.cs
// Found by: section review (phase 2)
// Why it fails: each wait keeps a thread-pool thread blocked for the whole interval, so many streams starve the pool; await Task.Delay directly, which blocks no thread.

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
            await Task.Run(() => Task.Delay(interval, time, cancellationToken).GetAwaiter().GetResult(), cancellationToken);
            yield return x * x;
        }
    }
}
