// Wrong answer: the producer waits for room with Monitor.Wait(gate, 100 ms) and adds anyway when the time is up, "so it can never deadlock"
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: when the consumers are slower than the timeout, the producer stops waiting and overfills the buffer, so back-pressure is gone exactly when it matters; a full buffer must make the producer wait for as long as it takes (Monitor.Wait without a timeout, in a while loop).

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
                if (!Monitor.Wait(_gate, TimeSpan.FromMilliseconds(100)))
                {
                    break; // waited long enough: better late than stuck
                }
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
