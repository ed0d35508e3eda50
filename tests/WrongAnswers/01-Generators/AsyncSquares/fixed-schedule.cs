// Wrong answer: Generate works out each due time from the start (start + n * interval) and waits only until then
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: a consumer that is slow between values gets the next one without any wait; wait a full interval before each value.

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
        var start = time.GetTimestamp();
        for (var x = from; x <= to; x++)
        {
            var due = TimeSpan.FromTicks(interval.Ticks * (x - from + 1));
            var left = due - time.GetElapsedTime(start);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, time, cancellationToken);
            }
            yield return x * x;
        }
    }
}
