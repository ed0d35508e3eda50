namespace Distributed;

/// <summary>
/// The worker side, what <c>celery worker -c N</c> does: consume tasks from the work queue, run up to
/// <c>concurrency</c> of them at once, reply to each task's sender, and acknowledge a task only after its work
/// is done, so that a worker that dies mid-task loses nothing: the broker gives the task to another worker.
/// </summary>
public static class Worker
{
    /// <summary>
    /// Serves tasks from <paramref name="queue"/> with <paramref name="work"/> until <paramref name="cancellationToken"/> is cancelled.
    /// A task whose body is not a task is dead-lettered at once. A task whose work throws is retried once
    /// (requeued); if it fails again it is dead-lettered and its sender gets a failure reply. Either way the worker carries on.
    /// When the token is cancelled it takes no new task, waits for the tasks in progress to be replied to and acknowledged
    /// (or to give up: then they stay unacknowledged), and closes; a task it has not started goes back to the queue.
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint OneTask</c> gives one hint at a time.</remarks>
    public static Task RunAsync(
        Uri broker,
        string queue,
        int concurrency,
        Func<int, CancellationToken, Task<FunResult>> work,
        CancellationToken cancellationToken) =>
        throw Todo.Kata();
}
