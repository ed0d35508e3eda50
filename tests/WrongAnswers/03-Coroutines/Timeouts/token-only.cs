// Wrong answer: gives the work a token that cancels at the deadline, and simply awaits the work
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: work that ignores its token keeps the caller waiting long past the deadline; also await the work with WaitAsync(timeout, time, cancellationToken) so that the caller is released on time.

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
            return await work(linked.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The work did not finish within {timeout}.");
        }
    }
}
