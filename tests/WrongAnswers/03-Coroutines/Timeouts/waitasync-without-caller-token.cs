// Wrong answer: links the caller's token for the work, but leaves it out of WaitAsync
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: when the caller cancels and the work ignores its token, the caller keeps waiting until the deadline; pass cancellationToken to WaitAsync as well.

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
            return await running.WaitAsync(timeout, time);
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
