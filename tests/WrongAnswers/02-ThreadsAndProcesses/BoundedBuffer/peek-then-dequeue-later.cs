// Wrong answer: Consume peeks at the front item, hands it out, and removes it from the queue only when the consumer comes back
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: two consumers that ask at the same time both see the same front item, so one item goes to two consumers (and the producer waits too long for room); take the item out of the queue under the lock before you hand it out.

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

            if (_completed) throw new InvalidOperationException("The buffer is completed.");
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
        while (TryPeek(out var item))
        {
            yield return item;
            lock (_gate)
            {
                _items.Dequeue();
                Monitor.PulseAll(_gate);
            }
        }
    }

    private bool TryPeek(out T item)
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

            item = _items.Peek();
            return true;
        }
    }
}
