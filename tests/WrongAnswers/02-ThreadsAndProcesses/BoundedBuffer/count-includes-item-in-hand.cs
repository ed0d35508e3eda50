// Wrong answer: Count is a counter that Consume lowers only when the consumer asks for the next item
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: an item a consumer has already taken is still counted until that consumer comes back for another, so Count says the buffer holds more than it does; Count is the number of items still waiting in the buffer (the queue's own count, read under the lock).

namespace ThreadsAndProcesses;

public sealed class BoundedBuffer<T>
{
    private readonly Queue<T> _items = new();
    private readonly object _gate = new();
    private readonly int _capacity;
    private bool _completed;
    private int _count;

    public BoundedBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => Volatile.Read(ref _count);

    public void Add(T item)
    {
        lock (_gate)
        {
            while (!_completed && _items.Count >= _capacity)
            {
                Monitor.Wait(_gate);
            }

            if (_completed) throw new InvalidOperationException("The buffer is completed.");
            _items.Enqueue(item);
            Interlocked.Increment(ref _count);
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
            Interlocked.Decrement(ref _count); // the item is done now
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
