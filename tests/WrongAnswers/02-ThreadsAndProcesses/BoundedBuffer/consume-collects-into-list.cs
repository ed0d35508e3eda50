// Wrong answer: Consume takes every item into a List and returns the list once the buffer is completed
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: the consumer sees nothing until the producer calls Complete, and it hoards every item meanwhile, so the buffer no longer limits the work in flight; hand each item out as soon as it is taken (yield return inside the loop).

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
        var all = new List<T>();
        while (TryTake(out var item))
        {
            all.Add(item);
        }

        return all;
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
