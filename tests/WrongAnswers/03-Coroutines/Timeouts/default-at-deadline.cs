// Wrong answer: returns default(T) when the deadline passes
// Replaces: Timeouts.cs
// Found by: test header
// Why it fails: the caller cannot tell a real result from a timeout; throw a TimeoutException at the deadline.

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
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return default!;
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
