// Wrong answer: a worker grabs every item it can see at once (to save trips to the queue) and then works through them
// Replaces: WorkerPool.cs
// Found by: blind review
// Why it fails: the first worker to wake up takes every waiting item for itself while the other workers stay idle; take one item at a time from GetConsumingEnumerable() so every idle worker gets a share.

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
                foreach (var first in _queue.GetConsumingEnumerable())
                {
                    var batch = new List<TInput> { first };
                    while (_queue.TryTake(out var more))
                    {
                        batch.Add(more);
                    }
                    foreach (var item in batch)
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
