// Wrong answer: Add checks for Complete only when it starts; a producer already waiting for room keeps waiting and adds once room comes
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: a producer that is waiting when Complete is called is never told: it stays stuck, or adds its item after the buffer was completed, when a consumer may already have stopped; wake the waiting producers in Complete and throw InvalidOperationException from them too.

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
            if (_completed) throw new InvalidOperationException("The buffer is completed.");
            while (_items.Count >= _capacity)
            {
                Monitor.Wait(_gate);
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
