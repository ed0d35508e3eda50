// Wrong answer: a bounded BlockingCollection over a ConcurrentStack
// Replaces: BoundedBuffer.cs
// Found by: design (the author of the kata, listing the classic mistakes)
// Why it fails: A stack hands out the newest item first; a buffer between producers and consumers is first in, first out, so items come out in the order they went in.
using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class BoundedBuffer<T>
{
    private readonly BlockingCollection<T> _items;

    public BoundedBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new BlockingCollection<T>(new ConcurrentStack<T>(), capacity);
    }

    public int Count => _items.Count;

    public void Add(T item)
    {
        _items.Add(item);
    }

    public void Complete()
    {
        _items.CompleteAdding();
    }

    public IEnumerable<T> Consume()
    {
        return _items.GetConsumingEnumerable();
    }
}
