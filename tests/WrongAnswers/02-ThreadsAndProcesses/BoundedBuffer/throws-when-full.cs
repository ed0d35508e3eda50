// Wrong answer: throwing when the buffer is full
// Replaces: BoundedBuffer.cs
// Found by: design (the author of the kata, listing the classic mistakes)
// Why it fails: A full buffer is the normal case for a fast producer, not an error: Add must wait for a consumer, and the producer sees an exception instead.
using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class BoundedBuffer<T>
{
    private readonly BlockingCollection<T> _items;

    public BoundedBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new BlockingCollection<T>(capacity);
    }

    public int Count => _items.Count;

    public void Add(T item)
    {
        if (!_items.TryAdd(item))
        {
            throw new InvalidOperationException("The buffer is full.");
        }
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
