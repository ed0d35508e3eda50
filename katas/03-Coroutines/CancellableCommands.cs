namespace Coroutines;

/// <summary>
/// Kata 4 ("Going further: cancelling kills the child processes"): when the caller cancels,
/// stop waiting and also stop every process that was started, with its own children.
/// </summary>
public static class CancellableCommands
{
    /// <summary>
    /// Runs all the commands at the same time, like <see cref="Subprocesses.RunAllAsync"/>, and
    /// calls <paramref name="started"/> with the process id of each one as soon as it runs.
    /// When <paramref name="cancellationToken"/> is cancelled, every process still running is
    /// killed together with the processes it started, and the caller gets an
    /// <see cref="OperationCanceledException"/> once they are gone.
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint CancellableCommands</c> gives one hint at a time.</remarks>
    public static Task<CommandResult[]> RunAllAsync(
        IEnumerable<Command> commands,
        Action<int> started,
        CancellationToken cancellationToken) =>
        throw Todo.Kata();
}
