// Wrong answer: a BlockingCollection without a capacity
// Replaces: BoundedBuffer.cs
// Found by: design (the author of the kata, listing the classic mistakes)
// Why it fails: Add never waits, so a fast producer fills memory with items nobody has taken; the test sees all three items go into a buffer with room for two.
using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class BoundedBuffer<T>
{
    private readonly BlockingCollection<T> _items;

    public BoundedBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new BlockingCollection<T>();
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
