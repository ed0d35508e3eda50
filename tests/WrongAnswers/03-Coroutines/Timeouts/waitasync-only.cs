// Wrong answer: only stops waiting with WaitAsync, and never tells the work
// Replaces: Timeouts.cs
// Found by: blind review
// Why it fails: at the deadline the caller gets its TimeoutException, but the work carries on for ever because its token is never cancelled; give the work a token from a CancellationTokenSource(timeout, time) and cancel it.

namespace Coroutines;

public static class Timeouts
{
    public static async Task<T> WithTimeoutAsync<T>(
        Func<CancellationToken, Task<T>> work,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        return await work(cancellationToken).WaitAsync(timeout, time, cancellationToken);
    }
}
