// Wrong answer: the workers add their results to a plain List<TResult>
// Replaces: WorkerPool.cs
// Found by: blind review
// Why it fails: List<T> is not thread-safe: two workers adding at the same moment overwrite each other and results get lost; use a ConcurrentQueue<T> (or lock around Add).

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class WorkerPool<TInput, TResult>
{
    private readonly BlockingCollection<TInput> _queue = new();
    private readonly List<TResult> _results = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly List<Thread> _workers = new();

    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        for (var n = 0; n < workers; n++)
        {
            var thread = new Thread(() =>
            {
                foreach (var item in _queue.GetConsumingEnumerable())
                {
                    try
                    {
                        _results.Add(work(item));
                    }
                    catch (Exception failure)
                    {
                        _failures.Enqueue(failure);
                    }
                }
            });
            _workers.Add(thread);
            thread.Start();
        }
    }

    public IReadOnlyList<Thread> Workers => _workers;

    public void Add(TInput item) => _queue.Add(item);

    public void Complete() => _queue.CompleteAdding();

    public IReadOnlyList<TResult> WaitForResults()
    {
        foreach (var worker in _workers)
        {
            worker.Join();
        }
        if (!_failures.IsEmpty)
        {
            throw new AggregateException(_failures);
        }
        return _results;
    }
}
