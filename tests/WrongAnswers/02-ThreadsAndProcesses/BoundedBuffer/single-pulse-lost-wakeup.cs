// Wrong answer: one Monitor for "not full" and "not empty", woken with Monitor.Pulse (one thread) instead of PulseAll
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: producers and consumers wait on the same lock, so Pulse may wake a thread of the wrong kind (a producer wakes another producer); the wake-up is lost and, with several producers and consumers, everyone ends up waiting forever. Use Monitor.PulseAll (and a `while` check), or two SemaphoreSlims, or BlockingCollection.

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
            Monitor.Pulse(_gate); // one waiting thread: meant to be a consumer
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
            Monitor.Pulse(_gate); // one waiting thread: meant to be a producer
            return true;
        }
    }
}
