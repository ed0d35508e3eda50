// Wrong answer: Generate passes its token to Task.Delay but the parameter lacks [EnumeratorCancellation]
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: a token given through WithCancellation never reaches the producer, so cancelling it does not stop the wait; mark the token parameter with [EnumeratorCancellation].

namespace Generators;

public static class AsyncSquares
{
    public static async IAsyncEnumerable<int> Generate(
        int from,
        int to,
        TimeSpan interval,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        for (var x = from; x <= to; x++)
        {
            await Task.Delay(interval, time, cancellationToken);
            yield return x * x;
        }
    }
}
