// Wrong answer: Generate links the caller's token into a new CancellationTokenSource per value and never disposes it
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: each value leaves a linked token source (and its registration) behind on the caller's token; use Task.Delay(interval, time, cancellationToken), or dispose what you create with using.

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
            var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            await Task.Delay(interval, time, linked.Token);
            yield return x * x;
        }
    }
}
