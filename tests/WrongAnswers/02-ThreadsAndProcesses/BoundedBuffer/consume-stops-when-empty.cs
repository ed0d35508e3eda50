// Wrong answer: a Consume that takes items until the buffer is empty
// Replaces: BoundedBuffer.cs
// Found by: design (the author of the kata, listing the classic mistakes)
// Why it fails: An empty buffer only means the producers are slower for a moment; a consumer must wait for more items until Complete is called.
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
        _items.CompleteAdding();
    }

    public IEnumerable<T> Consume()
    {
        while (_items.TryTake(out var item))
        {
            yield return item;
        }
    }
}
