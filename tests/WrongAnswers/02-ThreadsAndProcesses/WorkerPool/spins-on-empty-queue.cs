// Wrong answer: each worker polls the queue with TryTake and yields its turn when the queue is empty
// Replaces: WorkerPool.cs
// Found by: blind review
// Why it fails: an idle worker never rests: it looks at the empty queue millions of times a second and keeps a core busy doing nothing; GetConsumingEnumerable() blocks until an item arrives and wakes the worker at once.

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
            var thread = new Thread(() =>
            {
                while (!_queue.IsCompleted)
                {
                    if (_queue.TryTake(out var item))
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
                    else
                    {
                        Thread.Yield();
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
