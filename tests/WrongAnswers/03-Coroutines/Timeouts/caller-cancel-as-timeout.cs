// Wrong answer: turns every cancellation into a TimeoutException, also the caller's own
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: when the caller cancels, it is told that the time ran out, which is not what happened; only a cancellation caused by the deadline becomes a TimeoutException.

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
            return await running.WaitAsync(timeout, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The work did not finish within {timeout}.");
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
