// Wrong answer: stops waiting at the deadline without cancelling the work's token
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: the work's own token is only linked to the caller's, so at the deadline the caller leaves but the work carries on; cancel the work's token when the deadline passes.

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
        return await running.WaitAsync(timeout, time, cancellationToken);
    }
}
