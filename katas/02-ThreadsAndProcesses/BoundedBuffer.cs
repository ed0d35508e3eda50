namespace ThreadsAndProcesses;

/// <summary>
/// Kata 6 (going further: a bounded buffer with back-pressure): a queue with room for a fixed number of
/// items between producer threads and consumer threads. A producer that gets ahead must wait for the
/// consumers, so the buffer never holds more than its capacity.
/// </summary>
public sealed class BoundedBuffer<T>
{
    /// <summary>
    /// Makes an empty buffer with room for <paramref name="capacity"/> items (at least one: a smaller capacity
    /// throws <see cref="ArgumentOutOfRangeException"/>).
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint BoundedBuffer</c> gives one hint at a time.</remarks>
    public BoundedBuffer(int capacity) => throw Todo.Kata(member: "the constructor");

    /// <summary>How many items the buffer holds right now, waiting for a consumer.</summary>
    public int Count => throw Todo.Kata();

    /// <summary>
    /// Puts an item at the back of the buffer. While the buffer is full, waits (blocking this thread)
    /// until a consumer takes an item. After <see cref="Complete"/>, throws <see cref="InvalidOperationException"/>
    /// (so does a producer that is still waiting for room when Complete is called).
    /// </summary>
    public void Add(T item) => throw Todo.Kata();

    /// <summary>Says "no more items": consumers finish what is in the buffer, then stop.</summary>
    public void Complete() => throw Todo.Kata();

    /// <summary>
    /// The items, each to exactly one consumer, in the order they were added. While the buffer is empty,
    /// waits for the next item; ends once the buffer is completed and empty. Several threads may consume at once.
    /// </summary>
    public IEnumerable<T> Consume() => throw Todo.Kata();
}
