// Wrong answer: a ConcurrentQueue with SpinWait.SpinUntil for "room" and "an item"
// Replaces: BoundedBuffer.cs
// Found by: blind review
// Why it fails: a spinning thread is not waiting, it keeps a core busy checking again and again (and slows down the very consumer it waits for), and the check for room and the add are two steps, so producers can overfill the buffer; block on Monitor.Wait/PulseAll or a SemaphoreSlim instead.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class BoundedBuffer<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly int _capacity;
    private volatile bool _completed;

    public BoundedBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _items.Count;

    public void Add(T item)
    {
        if (_completed) throw new InvalidOperationException("The buffer is completed.");
        SpinWait.SpinUntil(() => _items.Count < _capacity || _completed);
        if (_completed) throw new InvalidOperationException("The buffer is completed.");
        _items.Enqueue(item);
    }

    public void Complete() => _completed = true;

    public IEnumerable<T> Consume()
    {
        while (true)
        {
            T item = default!;
            var taken = false;
            SpinWait.SpinUntil(() => (taken = _items.TryDequeue(out item)) || _completed);
            if (taken || _items.TryDequeue(out item))
            {
                yield return item;
                continue;
            }

            yield break;
        }
    }
}
