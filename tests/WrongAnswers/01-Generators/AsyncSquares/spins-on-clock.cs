// Wrong answer: Generate waits by looping on time.GetUtcNow() with await Task.Yield() until the interval has passed
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: busy-waiting keeps a thread working flat out for the whole interval; Task.Delay(interval, time, cancellationToken) sets a timer and uses no thread meanwhile.

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
            var due = time.GetUtcNow() + interval;
            while (time.GetUtcNow() < due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            yield return x * x;
        }
    }
}
