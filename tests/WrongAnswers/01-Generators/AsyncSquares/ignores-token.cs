// Wrong answer: Generate has [EnumeratorCancellation] on its token but waits with Task.Delay(interval, time), never using the token
// Replaces: AsyncSquares.cs
// Found by: test header
// Why it fails: cancelling does nothing to a wait that was never given the token; pass it on: Task.Delay(interval, time, cancellationToken).

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
            await Task.Delay(interval, time);
            yield return x * x;
        }
    }
}
