// Wrong answer: the items go into a plain List, and each worker takes the item at a shared index, then moves the index on
// Replaces: WorkerPool.cs
// Found by: test header
// Why it fails: two workers can read the same index before either moves it on, so an item is worked on twice and another never; share a thread-safe queue (BlockingCollection) instead.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class WorkerPool<TInput, TResult>
{
    private readonly List<TInput> _items = new();
    private readonly ConcurrentQueue<TResult> _results = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly List<Thread> _workers = new();
    private int _next;
    private volatile bool _completed;

    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        for (var n = 0; n < workers; n++)
        {
            var thread = new Thread(() =>
            {
                while (true)
                {
                    TInput item;
                    lock (_items)
                    {
                        if (_next >= _items.Count)
                        {
                            if (_completed)
                            {
                                return;
                            }
                            Monitor.Wait(_items, 10);
                            continue;
                        }
                    }
                    var index = _next;          // read the shared index...
                    item = _items[index];
                    _next = index + 1;          // ... and move it on, outside the lock
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
        lock (_items)
        {
            _items.Add(item);
            Monitor.PulseAll(_items);
        }
    }

    public void Complete()
    {
        _completed = true;
        lock (_items)
        {
            Monitor.PulseAll(_items);
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
