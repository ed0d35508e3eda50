// Wrong answer: dropping the item when the buffer is full
// Replaces: BoundedBuffer.cs
// Found by: design (the author of the kata, listing the classic mistakes)
// Why it fails: TryAdd gives up at once on a full buffer and the item is lost without a word; back-pressure means waiting, so every item arrives.
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
        _items.TryAdd(item);
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
