// Wrong answer: Generate catches the OperationCanceledException from Task.Delay and ends the stream quietly
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: the consumer cannot tell a cancelled stream from a finished one and takes a partial result as complete; let the OperationCanceledException reach the consumer.

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
            try
            {
                await Task.Delay(interval, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            yield return x * x;
        }
    }
}
