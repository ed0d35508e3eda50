// Wrong answer: a Complete that does not tell the consumers
// Replaces: BoundedBuffer.cs
// Found by: design (the author of the kata, listing the classic mistakes)
// Why it fails: Without CompleteAdding the consumers wait for ever for an item that never comes, and the program never ends.
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
        _items.Add(item);
    }

    public void Complete()
    {
        // Nothing to do: the consumers stop when the buffer is empty.
    }

    public IEnumerable<T> Consume()
    {
        return _items.GetConsumingEnumerable();
    }
}
