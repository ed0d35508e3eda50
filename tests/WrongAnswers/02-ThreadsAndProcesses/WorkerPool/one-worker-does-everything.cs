// Wrong answer: creates and starts all the threads, but only the first one reads the queue
// Replaces: WorkerPool.cs
// Found by: blind review
// Why it fails: the other threads end at once, so one thread does all the work; every worker must loop over queue.GetConsumingEnumerable().

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class WorkerPool<TInput, TResult>
{
    private readonly BlockingCollection<TInput> _queue = new();
    private readonly ConcurrentQueue<TResult> _results = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly List<Thread> _workers = new();

    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        for (var n = 0; n < workers; n++)
        {
            var first = n == 0;
            var thread = new Thread(() =>
            {
                if (!first)
                {
                    return;
                }
                foreach (var item in _queue.GetConsumingEnumerable())
                {
                    try
                    {
                        _results.Enqueue(work(item));
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
        return _results.ToList();
    }
}
