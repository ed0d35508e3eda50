namespace Distributed;

/// <summary>
/// The client side, what Celery's app object does for <c>fun.delay(x)</c> with the rpc:// result backend:
/// it publishes tasks to the work queue and collects their replies over direct reply-to, matching each reply
/// to its task by correlation id (replies come back in whatever order the workers finish).
/// </summary>
/// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint OneTask</c> gives one hint at a time.</remarks>
public sealed class TaskClient : IAsyncDisposable
{
    private TaskClient()
    {
    }

    /// <summary>Connects to <paramref name="broker"/>, declares the task queue and starts listening for replies.</summary>
    public static Task<TaskClient> ConnectAsync(Uri broker, string queue, CancellationToken cancellationToken = default) =>
        throw Todo.Kata();

    /// <summary>Sends the task <c>fun(x)</c> and returns at once with a handle to its future result. Celery: <c>fun.delay(x)</c>.</summary>
    public Task<AsyncResult> DelayAsync(int x, CancellationToken cancellationToken = default) =>
        throw Todo.Kata();

    public ValueTask DisposeAsync() =>
        throw Todo.Kata();
}
