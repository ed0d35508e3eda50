// Wrong answer: one queue per worker, and Add deals the items out in turn (item 1 to worker 1, item 2 to worker 2, ...)
// Replaces: WorkerPool.cs
// Found by: blind review
// Why it fails: an item waits for "its" worker even when that worker is stuck on a slow item and the others are idle; keep one shared queue so any idle worker takes the next item.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class WorkerPool<TInput, TResult>
{
    private readonly List<BlockingCollection<TInput>> _queues = new();
    private readonly ConcurrentQueue<TResult> _results = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly List<Thread> _workers = new();
    private int _next;

    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        for (var n = 0; n < workers; n++)
        {
            var queue = new BlockingCollection<TInput>();
            _queues.Add(queue);
            var thread = new Thread(() =>
            {
                foreach (var item in queue.GetConsumingEnumerable())
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

    public void Add(TInput item)
    {
        var turn = Interlocked.Increment(ref _next) - 1;
        _queues[turn % _queues.Count].Add(item);
    }

    public void Complete()
    {
        foreach (var queue in _queues)
        {
            queue.CompleteAdding();
        }
    }

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
