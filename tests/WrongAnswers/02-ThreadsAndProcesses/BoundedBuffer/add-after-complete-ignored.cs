// Wrong answer: Add after Complete quietly drops the item instead of throwing
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: a producer that adds to a finished buffer never hears about it and its item is lost without a word; after Complete, Add must throw InvalidOperationException so the mistake shows.

namespace ThreadsAndProcesses;

public sealed class BoundedBuffer<T>
{
    private readonly Queue<T> _items = new();
    private readonly object _gate = new();
    private readonly int _capacity;
    private bool _completed;

    public BoundedBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get { lock (_gate) { return _items.Count; } }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            while (!_completed && _items.Count >= _capacity)
            {
                Monitor.Wait(_gate);
            }

            if (_completed)
            {
                return; // finished: nobody will read it anyway
            }

            _items.Enqueue(item);
            Monitor.PulseAll(_gate);
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    public IEnumerable<T> Consume()
    {
        while (TryTake(out var item))
        {
            yield return item;
        }
    }

    private bool TryTake(out T item)
    {
        lock (_gate)
        {
            while (_items.Count == 0 && !_completed)
            {
                Monitor.Wait(_gate);
            }

            if (_items.Count == 0)
            {
                item = default!;
                return false;
            }

            item = _items.Dequeue();
            Monitor.PulseAll(_gate);
            return true;
        }
    }
}
