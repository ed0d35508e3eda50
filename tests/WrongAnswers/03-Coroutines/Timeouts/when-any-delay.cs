// Wrong answer: races the work against a Task.Delay with WhenAny, and leaves the delay running when the work wins
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: the losing delay keeps its timer until the deadline, one per call, long after the call has returned; cancel the delay when the work wins, or use WaitAsync(timeout, time, cancellationToken).

namespace Coroutines;

public static class Timeouts
{
    public static async Task<T> WithTimeoutAsync<T>(
        Func<CancellationToken, Task<T>> work,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = work(linked.Token);
        var deadline = Task.Delay(timeout, time, cancellationToken);
        var first = await Task.WhenAny(running, deadline);
        if (first == deadline)
        {
            linked.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"The work did not finish within {timeout}.");
        }
        return await running;
    }
}
