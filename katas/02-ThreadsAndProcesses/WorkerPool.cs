namespace ThreadsAndProcesses;

/// <summary>
/// Kata 2 (seed cell In [7], hand-written workers): a fixed number of threads that you create
/// yourself, all taking items from one shared queue until the queue is completed.
/// </summary>
/// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint WorkerPool</c> gives one hint at a time.</remarks>
public sealed class WorkerPool<TInput, TResult>
{
    /// <summary>
    /// Creates <paramref name="workers"/> threads and starts them. Each one takes items from the
    /// queue, calls <paramref name="work"/> on them and keeps the results, until the queue is
    /// completed and empty; then the thread ends. When <paramref name="work"/> throws, the worker
    /// keeps the exception and goes on with the next item: an exception that escapes a thread
    /// ends the whole program.
    /// </summary>
    public WorkerPool(int workers, Func<TInput, TResult> work) =>
        throw Todo.Kata(member: "the constructor");

    /// <summary>The threads this pool created, so you (and the tests) can see them end.</summary>
    public IReadOnlyList<Thread> Workers => throw Todo.Kata();

    /// <summary>Puts an item on the queue. Any idle worker may take it.</summary>
    public void Add(TInput item) => throw Todo.Kata();

    /// <summary>Says "no more items": each worker ends once the queue is empty.</summary>
    public void Complete() => throw Todo.Kata();

    /// <summary>
    /// Waits until every worker thread has ended (call <see cref="Complete"/> first), then returns
    /// all results, in whatever order the workers produced them. If <c>work</c> threw for some
    /// items, throws an <see cref="AggregateException"/> holding those exceptions instead.
    /// </summary>
    public IReadOnlyList<TResult> WaitForResults() => throw Todo.Kata();
}
