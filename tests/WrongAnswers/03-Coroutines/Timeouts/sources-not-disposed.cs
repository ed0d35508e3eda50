// Wrong answer: creates the deadline and linked token sources without using, so they are never disposed
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: after the call returns, the deadline's timer and the link to the caller's token are still there, and they later cancel a token the finished work may still hold; put both sources in a using.

namespace Coroutines;

public static class Timeouts
{
    public static async Task<T> WithTimeoutAsync<T>(
        Func<CancellationToken, Task<T>> work,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        var deadline = new CancellationTokenSource(timeout, time);
        var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        var running = work(linked.Token);
        try
        {
            return await running.WaitAsync(timeout, time, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
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
