using Xunit.Sdk;

/// <summary>
/// Waits that fail fast. A concurrency test must never hang the run: when the thing it
/// waits for never happens, it fails after a bounded time with a message that says why.
/// </summary>
public static class Within
{
    /// <summary>Long enough for a slow, busy CI machine; short enough that a hang is noticed quickly.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    public static async Task Await(Task task, string whatWentWrong, TimeSpan? limit = null)
    {
        var timeout = limit ?? Default;
        try
        {
            // WhenAny(task) never fails, so a TimeoutException here is the wait's own, never one the task ended with
            // (work that may time out itself, like section 3's, keeps its own exception).
            await Task.WhenAny(task).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new XunitException($"{whatWentWrong} (the test gave up waiting after {timeout.TotalSeconds:0.#} s)");
        }
        await task;
    }

    public static async Task<T> Await<T>(Task<T> task, string whatWentWrong, TimeSpan? limit = null)
    {
        await Await((Task)task, whatWentWrong, limit);
        return await task;
    }

    public static Task<T> Await<T>(ValueTask<T> task, string whatWentWrong, TimeSpan? limit = null) =>
        Await(task.AsTask(), whatWentWrong, limit);

    /// <summary>
    /// Waits for <paramref name="task"/> to finish, then returns the exception it ended with
    /// (or null), so that a test can say which exception it expected without hanging.
    /// </summary>
    public static async Task<Exception?> Outcome(Task task, string whatWentWrong, TimeSpan? limit = null)
    {
        try
        {
            await Await(task, whatWentWrong, limit);
            return null;
        }
        catch (XunitException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds, checking every few milliseconds, and fails with
    /// <paramref name="whatWentWrong"/> when it still does not hold after the limit.
    /// </summary>
    public static Task Until(Func<bool> condition, string whatWentWrong, TimeSpan? limit = null) =>
        Until(condition, () => whatWentWrong, limit);

    /// <summary>As above, with a message made only on failure (so it can tell what was seen by then).</summary>
    public static async Task Until(Func<bool> condition, Func<string> whatWentWrong, TimeSpan? limit = null)
    {
        var timeout = limit ?? Default;
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new XunitException($"{whatWentWrong()} (the test gave up waiting after {timeout.TotalSeconds:0.#} s)");
            }
            await Task.Delay(10);
        }
    }

    /// <summary>Runs blocking code on another thread, so that a hang in it cannot hang the test.</summary>
    public static Task<T> Run<T>(Func<T> work, string whatWentWrong, TimeSpan? limit = null) =>
        Await(Task.Run(work), whatWentWrong, limit);
}
