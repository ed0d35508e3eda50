// Wrong answer: Generate waits with Task.Delay(interval, cancellationToken), on the real clock instead of the TimeProvider it was given
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: the wait ignores the TimeProvider, so a program (or test) that controls time cannot move it on; pass the TimeProvider: Task.Delay(interval, time, cancellationToken).

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
            await Task.Delay(interval, cancellationToken);
            yield return x * x;
        }
    }
}
