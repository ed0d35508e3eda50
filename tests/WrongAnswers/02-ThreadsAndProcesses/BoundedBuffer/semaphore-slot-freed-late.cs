// Wrong answer: two SemaphoreSlims (free slots, filled slots); the consumer gives its slot back in a finally after the yield
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: the slot comes back only when the consumer asks for its next item, not when it takes this one, so a producer on a full buffer keeps waiting although a consumer has already taken an item; release the free slot as soon as the item leaves the queue.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class BoundedBuffer<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly SemaphoreSlim _free;
    private readonly SemaphoreSlim _filled = new(0);
    private volatile bool _completed;

    public BoundedBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _free = new SemaphoreSlim(capacity);
    }

    public int Count => _items.Count;

    public void Add(T item)
    {
        if (_completed) throw new InvalidOperationException("The buffer is completed.");
        _free.Wait();
        if (_completed)
        {
            _free.Release();
            throw new InvalidOperationException("The buffer is completed.");
        }

        _items.Enqueue(item);
        _filled.Release();
    }

    public void Complete()
    {
        _completed = true;
        _filled.Release(); // wakes one consumer; each one that stops wakes the next
    }

    public IEnumerable<T> Consume()
    {
        while (true)
        {
            _filled.Wait();
            if (!_items.TryDequeue(out var item))
            {
                _filled.Release();
                yield break;
            }

            try
            {
                yield return item;
            }
            finally
            {
                _free.Release(); // the item is done: room for one more
            }
        }
    }
}
