// Wrong answer: relies on the using linked token source alone to pass the caller's cancellation on
// Replaces: Timeouts.cs
// Found by: test header
// Why it fails: when the caller cancels, the method can return and dispose the link before the link has passed the cancellation on, so the work is never told; if the work has not finished, cancel its token yourself in a finally.

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
        try
        {
            return await work(linked.Token).WaitAsync(timeout, time, cancellationToken);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The work did not finish within {timeout}.");
        }
    }
}
