// Wrong answer: WaitForResults waits until the queue is empty, then returns without joining the threads
// Replaces: WorkerPool.cs
// Found by: blind review
// Why it fails: an empty queue only means every item was taken, not that it was finished: the last items may still be in work, and the threads still alive; Join every worker before you read the results.

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
        while (!_queue.IsCompleted)
        {
            Thread.Sleep(1);
        }
        if (!_failures.IsEmpty)
        {
            throw new AggregateException(_failures);
        }
        return _results.ToList();
    }
}
