// Wrong answer: lets the deadline's cancellation come out as an OperationCanceledException
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: the caller cannot tell a timeout from its own cancellation; turn a cancellation caused by the deadline into a TimeoutException.

namespace Coroutines;

public static class Timeouts
{
    public static async Task<T> WithTimeoutAsync<T>(
        Func<CancellationToken, Task<T>> work,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var running = work(linked.Token);
        try
        {
            return await running.WaitAsync(linked.Token);
        }
        finally
        {
            if (!running.IsCompleted)
            {
                linked.Cancel();
            }
        }
    }
}
