namespace Coroutines;

/// <summary>
/// Kata 3 ("Going further: timeouts and cancellation"): give a piece of work a deadline, and
/// stop it when the deadline passes.
/// </summary>
public static class Timeouts
{
    /// <summary>
    /// Runs <paramref name="work"/> and returns its result if it finishes within
    /// <paramref name="timeout"/> (measured on <paramref name="time"/>). When the deadline passes
    /// first, the token given to the work is cancelled and the caller gets a
    /// <see cref="TimeoutException"/> at the deadline, even if the work ignores its token.
    /// Cancelling <paramref name="cancellationToken"/> cancels the work too.
    /// </summary>
    public static async Task<T> WithTimeoutAsync<T>(
        Func<CancellationToken, Task<T>> work,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        // One token for the work: cancelled by the deadline or by the caller, whichever comes first.
        // The deadline runs on the TimeProvider, so tests can move time by hand.
        using var deadline = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);

        var running = work(either.Token);
        try
        {
            // WaitAsync stops the *waiting* at the deadline; the token stops the *work*.
            // Both are needed: work that ignores its token must not keep the caller waiting.
            return await running.WaitAsync(timeout, time, cancellationToken);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The work did not finish within {timeout}.");
        }
        finally
        {
            // Leaving before the work finished (deadline, or the caller cancelled)? Tell it to stop
            // now. Do not count on the linked token alone: `using` disposes it as we leave, and a
            // disposed link may never pass the cancellation on.
            if (!running.IsCompleted)
            {
                either.Cancel();
            }
        }
    }
}
