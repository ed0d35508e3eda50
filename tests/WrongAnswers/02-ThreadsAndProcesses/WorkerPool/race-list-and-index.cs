// Wrong answer: the items go into a List, and each worker reads a shared index, takes that item and moves the index on
// Replaces: WorkerPool.cs
// Found by: coyote review
// Why it fails: reading the index and moving it on are two steps, so two workers can take the same item and skip the next one; take items from one BlockingCollection with GetConsumingEnumerable instead.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class WorkerPool<TInput, TResult>
{
    private readonly List<TInput> _items = new();
    private readonly ConcurrentQueue<TResult> _results = new();
    private readonly Func<TInput, TResult> _work;
    private readonly Thread[] _workers;
    private int _next;
    private bool _completed;

    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        _work = work;
        _workers = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _workers[i] = new Thread(TakeUntilCompleted) { IsBackground = true, Name = $"worker {i + 1}" };
            _workers[i].Start();
        }
    }

    public IReadOnlyList<Thread> Workers => _workers;

    public void Add(TInput item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public void Complete()
    {
        lock (_items)
        {
            _completed = true;
        }
    }

    public IReadOnlyList<TResult> WaitForResults()
    {
        foreach (var worker in _workers)
        {
            worker.Join();
        }
        return [.. _results];
    }

    private void TakeUntilCompleted()
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
                    item = default!;
                }
                else
                {
                    item = _items[_next];
                }
            }
            if (item is null || EqualityComparer<TInput>.Default.Equals(item, default!) && _next >= Count())
            {
                Thread.Sleep(1);
                continue;
            }
            // The item is ours now... or so it seems: another worker may have read the same index.
            _next++;
            _results.Enqueue(_work(item));
        }
    }

    private int Count()
    {
        lock (_items)
        {
            return _items.Count;
        }
    }
}
