using System.Collections.Concurrent;

namespace ThreadsAndProcesses.Tests;

// Kata 6: a bounded buffer with back-pressure (going further). The producers and consumers are real threads;
// a thread that waits inside Add or Consume shows it in its ThreadState (WaitSleepJoin), which is how these
// tests see a wait without guessing at timing.
// Wrong answers these tests reject:
//   - no capacity at all (new BlockingCollection<T>()): a producer never waits, so the buffer grows without end;
//   - throwing, or silently dropping the item, when the buffer is full: the producer must wait instead;
//   - a last-in, first-out store (ConcurrentStack, ConcurrentBag): items must come out in the order they went in;
//   - a Consume that stops as soon as the buffer is empty (TryTake in a loop): a consumer must wait until Complete;
//   - a Complete that does not end the consumers, or a producer that spins on a full buffer instead of waiting.
public class BoundedBufferTests
{
    private const int Capacity = 2;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    [Task(1)]
    public async Task Items_come_out_once_each_in_the_order_they_went_in()
    {
        var buffer = new BoundedBuffer<int>(capacity: 5);

        var items = await Within.Run(() =>
        {
            foreach (var item in new[] { 1, 2, 3, 4, 5 })
            {
                buffer.Add(item);
            }
            buffer.Complete();
            return buffer.Consume().ToList();
        }, "Adding five items to a buffer with room for five, completing it and consuming it did not finish: " +
           "Consume must end once the buffer is completed and empty (BlockingCollection.CompleteAdding, GetConsumingEnumerable).", Patience);

        Assert.True(items.SequenceEqual([1, 2, 3, 4, 5]),
            $"The items came out as [{string.Join(", ", items)}], but a buffer is first in, first out: [1, 2, 3, 4, 5]. " +
            "A BlockingCollection keeps that order by default (its store is a ConcurrentQueue).");
        Snapshot.Match(new { Items = string.Join(", ", items) });
    }

    [Fact]
    [Task(1)]
    public void Adding_after_Complete_is_an_error()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        buffer.Complete();

        var error = Record.Exception(() => buffer.Add(1));

        Assert.True(error is InvalidOperationException,
            $"Add after Complete must throw InvalidOperationException, so that a late producer hears of its mistake; it {(error is null ? "returned quietly" : $"threw {error.GetType().Name}")}.");
    }

    [Fact]
    [Task(2)]
    public async Task A_producer_waits_while_the_buffer_is_full_until_a_consumer_takes_one()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        var producer = new Producer(buffer, items: [1, 2, 3]);

        // The producer either adds all three items (the buffer did not push back) or waits inside the third Add.
        await Within.Until(() => producer.Failure is not null || producer.Added == 3 || (producer.Added == Capacity && producer.IsWaiting),
            () => $"The producer added {producer.Added} of 3 items and then neither finished nor waited. " +
                  "Add on a full buffer must block the thread until there is room (not spin, not poll).", Patience);
        Assert.True(producer.Failure is null,
            $"Add on a full buffer threw {producer.Failure?.GetType().Name}: {producer.Failure?.Message} It must wait for a consumer instead.");
        Assert.True(producer.Added == Capacity,
            $"All 3 items went into a buffer with room for {Capacity}: Add must wait while the buffer is full. " +
            "That wait is the back-pressure. Give the BlockingCollection a boundedCapacity.");
        Assert.Equal(Capacity, buffer.Count);

        // The gate: one item taken makes room, and the waiting producer goes on at once.
        using var consumer = buffer.Consume().GetEnumerator();
        var first = await Within.Run(() => consumer.MoveNext() ? consumer.Current : -1, "Consume did not hand out the first item of a full buffer.", Patience);
        Assert.Equal(1, first);
        await Within.Until(() => producer.Added == 3,
            "A consumer took an item from the full buffer, but the waiting producer never went on. Taking an item must make room for the next Add.", Patience);
        await producer.Ended(Patience);
        Assert.Equal(Capacity, buffer.Count);
    }

    [Fact]
    [Task(3)]
    public async Task A_consumer_waits_for_items_and_ends_once_the_buffer_is_completed()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        var taken = new ConcurrentQueue<int>();
        var ended = false;
        var consumer = new Thread(() =>
        {
            foreach (var item in buffer.Consume())
            {
                taken.Enqueue(item);
            }
            Volatile.Write(ref ended, true);
        }) { IsBackground = true, Name = "consumer" };
        consumer.Start();
        bool Waiting() => consumer.ThreadState.HasFlag(ThreadState.WaitSleepJoin);

        await Within.Until(() => Volatile.Read(ref ended) || Waiting(), "The consumer neither waited nor ended on an empty buffer.", Patience);
        Assert.False(Volatile.Read(ref ended),
            "The consumer stopped at once because the buffer was empty. Consume must wait for items until Complete is called (GetConsumingEnumerable does).");

        buffer.Add(7);
        await Within.Until(() => taken.Count == 1, "An item added while the consumer waited never reached it.", Patience);
        await Within.Until(() => Volatile.Read(ref ended) || Waiting(), "After its first item the consumer neither waited nor ended.", Patience);
        Assert.False(Volatile.Read(ref ended), "The consumer stopped after one item, but the buffer was not completed: it must wait for more.");

        buffer.Complete();
        await Within.Until(() => Volatile.Read(ref ended),
            "After Complete, the waiting consumer never ended. Complete must wake the consumers (BlockingCollection.CompleteAdding).", Patience);
        Assert.Equal([7], taken);
    }

    [Fact]
    [Task(4)]
    public async Task Many_producers_and_consumers_pass_every_item_exactly_once()
    {
        const int producers = 3, consumers = 3, perProducer = 300, capacity = 4;
        var buffer = new BoundedBuffer<int>(capacity);
        var taken = new ConcurrentQueue<int>();
        var mostSeen = 0;
        var producing = Enumerable.Range(0, producers)
            .Select(p => new Producer(buffer, Enumerable.Range(p * perProducer, perProducer), afterEachAdd: () => InterlockedMax(ref mostSeen, buffer.Count)))
            .ToList();
        var consuming = Enumerable.Range(0, consumers).Select(_ => Task.Factory.StartNew(() =>
        {
            foreach (var item in buffer.Consume())
            {
                taken.Enqueue(item);
            }
        }, TaskCreationOptions.LongRunning)).ToList();

        foreach (var producer in producing)
        {
            await producer.Ended(Within.Default);
        }
        buffer.Complete();
        await Within.Await(Task.WhenAll(consuming), "The consumers did not end after Complete.", Within.Default);

        Assert.True(mostSeen <= capacity, $"The buffer held {mostSeen} items at once, but its capacity is {capacity}.");
        var expected = Enumerable.Range(0, producers * perProducer).ToList();
        var counted = taken.Order().ToList();
        Assert.True(expected.SequenceEqual(counted),
            $"{producers * perProducer} items went in and {counted.Count} came out ({counted.Distinct().Count()} different ones): every item must reach exactly one consumer.");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    /// <summary>A producer thread that adds its items one by one and records how far it got and how it ended.</summary>
    private sealed class Producer
    {
        private readonly Thread _thread;
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _added;
        private Exception? _failure;

        public Producer(BoundedBuffer<int> buffer, IEnumerable<int> items, Action? afterEachAdd = null)
        {
            _thread = new Thread(() =>
            {
                try
                {
                    foreach (var item in items)
                    {
                        buffer.Add(item);
                        Interlocked.Increment(ref _added);
                        afterEachAdd?.Invoke();
                    }
                    _ended.SetResult();
                }
                catch (Exception exception)
                {
                    // Caught here: an exception escaping a thread would end the whole test run.
                    Failure = exception;
                    _ended.SetResult();
                }
            }) { IsBackground = true, Name = "producer" };
            _thread.Start();
        }

        public int Added => Volatile.Read(ref _added);

        public Exception? Failure { get => Volatile.Read(ref _failure); private set => Volatile.Write(ref _failure, value); }

        public bool IsWaiting => _thread.ThreadState.HasFlag(ThreadState.WaitSleepJoin);

        public async Task Ended(TimeSpan limit)
        {
            await Within.Await(_ended.Task, $"A producer did not finish adding its items (it added {Added}).", limit);
            Assert.True(Failure is null, $"A producer's Add threw {Failure?.GetType().Name}: {Failure?.Message}");
        }
    }
}
