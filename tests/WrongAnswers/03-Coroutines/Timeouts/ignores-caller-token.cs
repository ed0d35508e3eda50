// Wrong answer: uses only the deadline, and never looks at the caller's token
// Replaces: Timeouts.cs
// Found by: test header
// Why it fails: cancelling the caller's token does nothing: the work runs on and the caller waits until the deadline; link the caller's token with the deadline's and pass it to WaitAsync.

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
            return await running.WaitAsync(timeout, time);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The work did not finish within {timeout}.");
        }
        finally
        {
            if (!running.IsCompleted)
            {
                deadline.Cancel();
            }
        }
    }
}
