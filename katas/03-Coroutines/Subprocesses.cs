namespace Coroutines;

/// <summary>
/// Kata 2 (seed cell In [37]): run programs as child processes, several at a time, and report
/// how each one ended.
/// </summary>
public static class Subprocesses
{
    /// <summary>
    /// Runs one command to the end and returns its exit code and everything it wrote to standard
    /// output and standard error. A command that fails is not an exception: its exit code says so.
    /// Cancelling <paramref name="cancellationToken"/> stops the waiting: the caller gets an
    /// <see cref="OperationCanceledException"/> at once. (The process itself goes on; kata 4 stops it.)
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint Subprocesses</c> gives one hint at a time.</remarks>
    public static Task<CommandResult> RunAsync(Command command, CancellationToken cancellationToken = default) =>
        throw Todo.Kata();

    /// <summary>
    /// Runs all the commands at the same time and returns one result per command, in the order
    /// of <paramref name="commands"/>. Failing commands are in the list too, with their exit code.
    /// </summary>
    public static Task<CommandResult[]> RunAllAsync(IEnumerable<Command> commands) =>
        throw Todo.Kata();
}
