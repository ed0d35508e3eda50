using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

/// <summary>
/// Kata 2 (seed cell In [7], hand-written workers): a fixed number of threads that you create
/// yourself, all taking items from one shared queue until the queue is completed.
/// </summary>
public sealed class WorkerPool<TInput, TResult>
{
    private readonly BlockingCollection<TInput> _queue = new();
    private readonly ConcurrentQueue<TResult> _results = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly Func<TInput, TResult> _work;
    private readonly Thread[] _workers;

    /// <summary>
    /// Creates <paramref name="workers"/> threads and starts them. Each one takes items from the
    /// queue, calls <paramref name="work"/> on them and keeps the results, until the queue is
    /// completed and empty; then the thread ends. When <paramref name="work"/> throws, the worker
    /// keeps the exception and goes on with the next item: an exception that escapes a thread
    /// ends the whole program.
    /// </summary>
    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        _work = work;
        _workers = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            // Background threads: if something goes wrong, they cannot keep the program alive.
            _workers[i] = new Thread(TakeUntilCompleted) { IsBackground = true, Name = $"worker {i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>The threads this pool created, so you (and the tests) can see them end.</summary>
    public IReadOnlyList<Thread> Workers => _workers;

    /// <summary>Puts an item on the queue. Any idle worker may take it.</summary>
    public void Add(TInput item) => _queue.Add(item);

    /// <summary>Says "no more items": each worker ends once the queue is empty.</summary>
    public void Complete() => _queue.CompleteAdding();

    /// <summary>
    /// Waits until every worker thread has ended (call <see cref="Complete"/> first), then returns
    /// all results, in whatever order the workers produced them. If <c>work</c> threw for some
    /// items, throws an <see cref="AggregateException"/> holding those exceptions instead.
    /// </summary>
    public IReadOnlyList<TResult> WaitForResults()
    {
        foreach (var worker in _workers)
        {
            worker.Join();
        }
        if (!_failures.IsEmpty)
        {
            throw new AggregateException("work failed for some items.", _failures);
        }
        return [.. _results];
    }

    private void TakeUntilCompleted()
    {
        // GetConsumingEnumerable blocks while the queue is empty and finishes once it is completed:
        // no polling, no timeouts, and no need to "terminate" the thread from outside.
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            try
            {
                _results.Enqueue(_work(item));
            }
            catch (Exception failure)
            {
                // Thrown out of this thread, it would end the whole program: keep it for WaitForResults.
                _failures.Enqueue(failure);
            }
        }
    }
}
