// Wrong answer: Generate builds its own wait from a TimeProvider timer and a token registration, and never disposes either
// Replaces: AsyncSquares.cs
// Found by: blind review
// Why it fails: every wait leaves a timer and a registration on the token behind, so a long-lived token collects them for ever; use Task.Delay(interval, time, cancellationToken), which cleans up.

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
            var waited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => waited.TrySetCanceled(cancellationToken));
            time.CreateTimer(_ => waited.TrySetResult(), null, interval, Timeout.InfiniteTimeSpan);
            await waited.Task;
            yield return x * x;
        }
    }
}
