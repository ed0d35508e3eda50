// Wrong answer: forwards the caller's cancellation with Register and throws the registration away
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: the callback stays on the caller's token after the call returns, and cancelling the caller later still reaches into the finished call; dispose the registration (or use a linked source in a using).

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
        cancellationToken.Register(() => deadline.Cancel());
        var running = work(deadline.Token);
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
                deadline.Cancel();
            }
        }
    }
}
