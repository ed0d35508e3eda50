// Wrong answer: Complete wakes the waiting consumers with Monitor.Pulse, which wakes only one of them
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: with several consumers waiting on an empty buffer, Complete wakes just one; the others never learn that the buffer is finished and wait forever. Complete must wake every waiting thread (Monitor.PulseAll).

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
            Monitor.Pulse(_gate); // "tell the consumer we are done"
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
