// Wrong answer: Generate blocks on Task.Delay(interval, time, cancellationToken).Wait() inside the async iterator
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: Wait() blocks the consumer's thread for the whole interval, so nothing else can run meanwhile (and a single-threaded caller hangs); await the delay instead.

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
            Task.Delay(interval, time, cancellationToken).Wait(cancellationToken);
            yield return x * x;
        }
        await Task.CompletedTask;
    }
}
