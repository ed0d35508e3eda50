// Wrong answer: each step of Consume runs the waiting in Task.Run and blocks on its .Result, "so the consumer does not block"
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: the consumer thread still blocks (on .Result), and now a thread-pool thread blocks as well for every waiting consumer, so many waiting consumers starve the thread pool; a consumer should wait on the buffer itself, on its own thread.

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
        while (true)
        {
            var next = Task.Run(() => TryTake(out var item) ? (true, item) : (false, default(T)!));
            var (taken, value) = next.Result;
            if (!taken)
            {
                yield break;
            }

            yield return value;
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
