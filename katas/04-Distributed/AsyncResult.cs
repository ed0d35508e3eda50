namespace Distributed;

/// <summary>
/// The handle <see cref="TaskClient.DelayAsync"/> returns, like Celery's <c>AsyncResult</c>: the task is on its
/// way; ask whether its result is <see cref="Ready"/>, or wait for it with <see cref="GetAsync"/>.
/// </summary>
/// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint OneTask</c> gives one hint at a time.</remarks>
public sealed class AsyncResult
{
    internal AsyncResult()
    {
    }

    /// <summary>The task's id: the correlation id that its reply carries back.</summary>
    public string TaskId => throw Todo.Kata();

    /// <summary>True once the reply has arrived (a result or a failure); never blocks. Celery: <c>ready()</c>.</summary>
    public bool Ready => throw Todo.Kata();

    /// <summary>
    /// Waits at most <paramref name="timeout"/> for the result. Throws <see cref="TimeoutException"/> if it does not come,
    /// and <see cref="TaskFailedException"/> if the worker gave up on the task. Celery: <c>get(timeout=...)</c>.
    /// </summary>
    public Task<FunResult> GetAsync(TimeSpan timeout) => throw Todo.Kata();
}
