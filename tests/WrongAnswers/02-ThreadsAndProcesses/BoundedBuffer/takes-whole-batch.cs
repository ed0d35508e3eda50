// Wrong answer: Consume takes everything in the buffer at once (a snapshot with ToList, then Clear) and yields it from that batch
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: one consumer grabs every waiting item, so a second consumer waits on an empty buffer while the first still has items it has not started, and the producer may refill while those are in hand; take one item at a time.

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
        while (TryTakeAll(out var batch))
        {
            foreach (var item in batch)
            {
                yield return item;
            }
        }
    }

    private bool TryTakeAll(out List<T> batch)
    {
        lock (_gate)
        {
            while (_items.Count == 0 && !_completed)
            {
                Monitor.Wait(_gate);
            }

            if (_items.Count == 0)
            {
                batch = [];
                return false;
            }

            batch = _items.ToList();
            _items.Clear();
            Monitor.PulseAll(_gate);
            return true;
        }
    }
}
