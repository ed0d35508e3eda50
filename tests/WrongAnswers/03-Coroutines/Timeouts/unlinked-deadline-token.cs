// Wrong answer: gives the work only the deadline's token, not linked to the caller's
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: when the caller cancels, the caller is released but the work is never told and keeps running; link the deadline's source with cancellationToken.

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
        var running = work(deadline.Token);
        try
        {
            return await running.WaitAsync(timeout, time, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The work did not finish within {timeout}.");
        }
    }
}
