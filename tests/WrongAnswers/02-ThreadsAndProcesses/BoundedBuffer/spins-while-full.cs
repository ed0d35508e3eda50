// Wrong answer: a lock and a queue, with a producer that spins while the buffer is full
// Replaces: BoundedBuffer.cs
// Found by: design (the author of the kata, listing the classic mistakes)
// Why it fails: Spinning keeps a core busy doing nothing for as long as the consumers are slow; a producer must block (BlockingCollection, Monitor.Wait or SemaphoreSlim) so that the thread sleeps until there is room.

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

    public int Count => _items.Count;

    public void Add(T item)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_completed)
                {
                    throw new InvalidOperationException("The buffer is completed.");
                }
                if (_items.Count < _capacity)
                {
                    _items.Enqueue(item);
                    return;
                }
            }
            Thread.Yield();
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
        }
    }

    public IEnumerable<T> Consume()
    {
        while (true)
        {
            lock (_gate)
            {
                if (_items.TryDequeue(out var item))
                {
                    yield return item;
                    continue;
                }
                if (_completed)
                {
                    yield break;
                }
            }
            Thread.Yield();
        }
    }
}
