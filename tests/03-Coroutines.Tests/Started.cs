namespace Coroutines.Tests;

/// <summary>
/// A log of which items have started, that a test can wait on: <see cref="WhenCount"/> completes
/// once that many items have started, and fails fast (through Within) if they never do.
/// </summary>
public sealed class Started<T>
{
    private readonly List<T> _items = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
            foreach (var waiter in _waiters.Where(w => _items.Count >= w.Count))
            {
                waiter.Signal.TrySetResult();
            }
        }
    }

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (_items)
            {
                return [.. _items];
            }
        }
    }

    public Task WhenCount(int count, string whatWentWrong)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_items)
        {
            if (_items.Count >= count)
            {
                signal.TrySetResult();
            }
            _waiters.Add((count, signal));
        }
        return Within.Await(signal.Task, $"{whatWentWrong} Started so far: [{string.Join(", ", Items)}].", TimeSpan.FromSeconds(5));
    }
}
