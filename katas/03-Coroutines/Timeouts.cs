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
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint Timeouts</c> gives one hint at a time.</remarks>
    public static Task<T> WithTimeoutAsync<T>(
        Func<CancellationToken, Task<T>> work,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken = default) =>
        throw Todo.Kata();
}
