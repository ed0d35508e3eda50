// Wrong answer: Generate waits with Task.Delay(interval, time) and checks the token only after the wait is over
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: cancelling does not stop the wait at once: the producer sits out the whole interval first; pass the token to Task.Delay.

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
            cancellationToken.ThrowIfCancellationRequested();
            yield return x * x;
        }
    }
}
