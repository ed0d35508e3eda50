// Wrong answer: a ConcurrentQueue; Add and Consume poll with Thread.Sleep(1) until there is room or an item
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: "is there room?" and "add" are two separate steps, so several producers that see room at the same moment all add and the buffer goes over its capacity, and the polling wakes every waiting thread a thousand times a second for nothing; wait on a lock (Monitor.Wait/PulseAll) or a SemaphoreSlim, or use BlockingCollection with a bounded capacity.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class BoundedBuffer<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly int _capacity;
    private volatile bool _completed;

    public BoundedBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _items.Count;

    public void Add(T item)
    {
        while (_items.Count >= _capacity && !_completed)
        {
            Thread.Sleep(1);
        }

        if (_completed) throw new InvalidOperationException("The buffer is completed.");
        _items.Enqueue(item);
    }

    public void Complete() => _completed = true;

    public IEnumerable<T> Consume()
    {
        while (true)
        {
            if (_items.TryDequeue(out var item))
            {
                yield return item;
                continue;
            }

            if (_completed)
            {
                // One more look: an item may have come in just before Complete.
                if (_items.TryDequeue(out item))
                {
                    yield return item;
                    continue;
                }

                yield break;
            }

            Thread.Sleep(1);
        }
    }
}
