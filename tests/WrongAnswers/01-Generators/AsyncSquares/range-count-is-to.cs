// Wrong answer: Generate loops over Enumerable.Range(from, to), taking the second argument for the last number
// Replaces: AsyncSquares.cs
// Found by: section review (phase 2)
// Why it fails: Range's second argument is a count, so only ranges that start at 1 come out right; loop for (var x = from; x <= to; x++).

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
        foreach (var x in Enumerable.Range(from, Math.Max(0, to)))
        {
            await Task.Delay(interval, time, cancellationToken);
            yield return x * x;
        }
    }
}
