using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Process = System.Diagnostics.Process;
using ProcessThread = System.Diagnostics.ProcessThread;

namespace ThreadsAndProcesses.Tests;

// Kata 6: a bounded buffer with back-pressure (going further). The producers and consumers are real threads;
// a thread that waits inside Add or Consume shows it in its ThreadState (WaitSleepJoin), which is how these
// tests see a wait without guessing at timing. The operating system's own counters for that thread (how often it
// woke up, how much processor time it used) tell a thread that sleeps until it is woken from one that polls
// (on Linux; Windows gives only the processor time, so there only spinning is caught; elsewhere it is not measured).
// Wrong answers these tests reject (tests/WrongAnswers/02-ThreadsAndProcesses/BoundedBuffer holds them all):
//   - no capacity, a capacity below one taken as "no limit", or room for one item too many;
//   - throwing, dropping the item, or giving up after a timeout when the buffer is full: the producer must wait;
//   - polling (Thread.Sleep, SpinWait, Thread.Yield) instead of blocking, or blocking a thread-pool thread as well;
//   - `if` instead of `while` around Monitor.Wait, Monitor.Pulse where PulseAll is needed (a lost wake-up);
//   - one item handed to two consumers, a whole batch to one, or an item handed out only once the next one came;
//   - a Complete that wakes one consumer only, leaves a waiting producer stuck, or lets Add go on afterwards.
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
    public async Task Adding_after_Complete_is_an_error()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        buffer.Complete();

        var error = await Within.Run(() => Record.Exception(() => buffer.Add(1)),
            "Add after Complete neither returned nor threw: it must throw InvalidOperationException at once.", Patience);
        Unfinished.ThrowIfStub(error);

        Assert.True(error is InvalidOperationException,
            $"Add after Complete must throw InvalidOperationException, so that a late producer hears of its mistake; it {(error is null ? "returned quietly" : $"threw {error.GetType().Name}")}.");
    }

    [Theory]
    [Task(1)]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_capacity_below_one_is_refused(int capacity)
    {
        var error = await Within.Run(() => Record.Exception(() => new BoundedBuffer<int>(capacity)),
            $"new BoundedBuffer<int>({capacity}) did not return.", Patience);
        Unfinished.ThrowIfStub(error);

        Assert.True(error is ArgumentOutOfRangeException,
            $"new BoundedBuffer<int>({capacity}) {(error is null ? "made a buffer" : $"threw {error.GetType().Name}")}, but a buffer needs room " +
            "for at least one item: with no limit there is no back-pressure, and with room for none nothing could ever be added. " +
            "Refuse it with ArgumentOutOfRangeException (ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1)).");
    }

    [Fact]
    [Task(2)]
    public async Task A_producer_waits_while_the_buffer_is_full_until_a_consumer_takes_one()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        var producer = new Producer(buffer, items: [1, 2, 3]);
        await producer.WaitsWithBufferFull(Capacity);

        // The gate: one item taken makes room, and the waiting producer goes on at once.
        var consumer = new Consumer(buffer, "consumer", take: 1);
        await Within.Until(() => consumer.Taken.Count == 1 || consumer.Failure is not null,
            "Consume did not hand out the first item of a full buffer.", Patience);
        consumer.AssertNoFailure();
        Assert.True(consumer.Taken.SequenceEqual([1]), $"The first item out of the buffer was {consumer.Taken.Single()}, but the first one in was 1.");
        await Within.Until(() => producer.Added == 3 || producer.Failure is not null,
            "A consumer took an item from the full buffer, but the waiting producer never went on. Taking an item must make room for the next Add " +
            "(at once, not when the consumer comes back for the next item).", Patience);
        await producer.Ended(Patience);
        var count = buffer.Count;
        consumer.LetGo();
        Assert.True(count == Capacity,
            $"After 3 items in and 1 out, Count is {count}, but the buffer holds {Capacity} items. Count is the number of items still in the buffer, " +
            "waiting for a consumer: an item a consumer has taken no longer counts (and neither does the next one, before a consumer takes it).");
    }

    [Fact]
    [Task(2)]
    public async Task A_producer_on_a_full_buffer_sleeps_until_it_is_woken()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        var producer = new Producer(buffer, items: [1, 2, 3]);
        await producer.WaitsWithBufferFull(Capacity);

        var woke = await ThreadActivity.Measure(producer.NativeId, () => producer.Added != Capacity);

        Assert.True(producer.Failure is null, $"While it waited for room, Add threw {producer.Failure?.GetType().Name}: {producer.Failure?.Message}");
        Assert.True(producer.Added == Capacity && buffer.Count == Capacity,
            $"Nobody took an item, yet the waiting producer went on (it added {producer.Added} of 3 items; Count is {buffer.Count}). " +
            "A full buffer must make Add wait for as long as it takes: Monitor.Wait without a timeout, or BlockingCollection.Add.");
        woke.AssertAsleep("The producer waiting in Add on a full buffer",
            "Do not poll (Thread.Sleep, SpinWait, Thread.Yield in a loop): block until a consumer makes room, with Monitor.Wait and PulseAll, " +
            "a SemaphoreSlim, or a BlockingCollection with a boundedCapacity.");
    }

    [Fact]
    [Task(3)]
    public async Task A_consumer_waits_for_items_and_ends_once_the_buffer_is_completed()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        var consumer = new Consumer(buffer, "consumer");

        await Within.Until(() => consumer.HasEnded || consumer.IsWaiting, "The consumer neither waited nor ended on an empty buffer.", Patience);
        consumer.AssertNoFailure();
        Assert.False(consumer.HasEnded,
            "The consumer stopped at once because the buffer was empty. Consume must wait for items until Complete is called (GetConsumingEnumerable does).");
        var woke = await ThreadActivity.Measure(consumer.NativeId, () => !consumer.Taken.IsEmpty || consumer.HasEnded);
        woke.AssertAsleep("The consumer waiting in Consume on an empty buffer",
            "Do not poll (Thread.Sleep, SpinWait, Thread.Yield in a loop): block until a producer adds an item, with Monitor.Wait and PulseAll, " +
            "a SemaphoreSlim, or BlockingCollection.GetConsumingEnumerable.");

        buffer.Add(7);
        await Within.Until(() => consumer.Taken.Count == 1 || consumer.Failure is not null,
            "An item was added while the consumer waited, and it never reached the consumer. Consume must hand out each item as soon as it " +
            "takes it (yield return inside the loop), not collect them, and not wait for the next one first.", Patience);
        await Within.Until(() => consumer.HasEnded || consumer.IsWaiting, "After its first item the consumer neither waited nor ended.", Patience);
        consumer.AssertNoFailure();
        Assert.False(consumer.HasEnded, "The consumer stopped after one item, but the buffer was not completed: it must wait for more.");

        buffer.Complete();
        await Within.Until(() => consumer.HasEnded,
            "After Complete, the waiting consumer never ended. Complete must wake the consumers (BlockingCollection.CompleteAdding).", Patience);
        consumer.AssertNoFailure();
        Assert.Equal([7], consumer.Taken);
    }

    [Fact]
    [Task(3)]
    public async Task Complete_ends_every_waiting_consumer()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        var consumers = Enumerable.Range(1, 3).Select(n => new Consumer(buffer, $"consumer {n}")).ToList();
        await Within.Until(() => consumers.All(c => c.IsWaiting || c.HasEnded), "Three consumers on an empty buffer neither waited nor ended.", Patience);
        Assert.True(consumers.All(c => !c.HasEnded), "A consumer stopped on an empty buffer that was not completed: it must wait for items until Complete.");

        buffer.Complete();

        await Within.Until(() => consumers.All(c => c.HasEnded),
            () => $"Three consumers waited on an empty buffer and Complete was called, but only {consumers.Count(c => c.HasEnded)} of them ended. " +
                  "Complete must wake every waiting consumer (Monitor.PulseAll, not Pulse; BlockingCollection.CompleteAdding does).", Patience);
        consumers.ForEach(c => c.AssertNoFailure());
    }

    [Fact]
    [Task(3)]
    public async Task Complete_stops_a_producer_that_waits_for_room()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        var producer = new Producer(buffer, items: [1, 2, 3]);
        await producer.WaitsWithBufferFull(Capacity);

        buffer.Complete();

        await Within.Await(producer.Finished,
            "A producer was waiting for room when Complete was called, and it kept waiting. Complete means no more items: it must wake the " +
            "waiting producers too, and their Add throws InvalidOperationException (BlockingCollection.Add does).", Patience);
        Assert.True(producer.Failure is InvalidOperationException,
            $"A producer that was waiting for room when Complete was called {(producer.Failure is null ? "added its item anyway" : $"threw {producer.Failure.GetType().Name}")}: " +
            "after Complete, Add must throw InvalidOperationException, even for a producer that was already waiting.");
        var rest = await Within.Run(() => buffer.Consume().ToList(), "Consuming a completed buffer did not end.", Patience);
        Assert.True(rest.SequenceEqual([1, 2]),
            $"After Complete the buffer handed out [{string.Join(", ", rest)}]: the two items added before Complete, [1, 2], and nothing else.");
    }

    [Fact]
    [Task(4)]
    public async Task One_item_wakes_two_waiting_consumers_and_only_one_takes_it()
    {
        var buffer = new BoundedBuffer<int>(Capacity);
        var consumers = new[] { new Consumer(buffer, "consumer A"), new Consumer(buffer, "consumer B") };
        await Within.Until(() => consumers.All(c => c.IsWaiting || c.HasEnded), "Two consumers on an empty buffer neither waited nor ended.", Patience);

        buffer.Add(1);
        await Within.Until(() => consumers.Sum(c => c.Taken.Count) >= 1 || consumers.Any(c => c.Failure is not null),
            "One item was added while two consumers waited, and neither got it.", Patience);
        buffer.Add(2);
        await Within.Until(() => consumers.Sum(c => c.Taken.Count) >= 2 || consumers.Any(c => c.Failure is not null),
            "A second item was added while a consumer waited, and it never reached a consumer.", Patience);
        buffer.Complete();
        await Within.Until(() => consumers.All(c => c.HasEnded), "After Complete, the consumers did not end.", Patience);

        foreach (var consumer in consumers)
        {
            consumer.AssertNoFailure(
                "Two consumers were waiting and one item came: when both wake up, the one that finds the buffer empty again must go back to " +
                "waiting. Check the condition in a `while` loop around Monitor.Wait, not an `if`.");
        }
        var taken = consumers.SelectMany(c => c.Taken).Order().ToList();
        Assert.True(taken.SequenceEqual([1, 2]),
            $"Two items went in, [1, 2], and the consumers got [{string.Join(", ", taken)}]: each item must go to exactly one consumer. " +
            "Take the item out of the queue, under the lock, before you hand it out.");
    }

    [Fact]
    [Task(4)]
    public async Task One_free_slot_lets_only_one_of_two_waiting_producers_go_on()
    {
        var buffer = new BoundedBuffer<int>(capacity: 1);
        buffer.Add(0);
        var mostSeen = 0;
        var producers = new[]
        {
            new Producer(buffer, [1], afterEachAdd: () => InterlockedMax(ref mostSeen, buffer.Count)),
            new Producer(buffer, [2], afterEachAdd: () => InterlockedMax(ref mostSeen, buffer.Count)),
        };
        await Within.Until(() => producers.All(p => p.IsWaiting || p.Finished.IsCompleted), "Two producers on a full buffer neither waited nor finished.", Patience);
        Assert.True(producers.All(p => p.Added == 0 && p.Failure is null), "A producer added to a full buffer with room for one (or threw): it must wait.");

        var first = new Consumer(buffer, "consumer", take: 1);
        await Within.Until(() => producers.Sum(p => p.Added) >= 1 || producers.Any(p => p.Failure is not null),
            "A consumer took the one item of a full buffer, and neither waiting producer went on.", Patience);
        // The other producer must be back to waiting, and stay there, while nobody takes anything.
        var other = producers.FirstOrDefault(p => p.Added == 0) ?? producers[1];
        await Within.Until(() => other.Added != 0 || other.Failure is not null || other.IsWaiting,
            "The second producer neither waited nor finished.", Patience);
        await ThreadActivity.Measure(other.NativeId, () => other.Added != 0 || other.Failure is not null);

        var failure = producers.Select(p => p.Failure).FirstOrDefault(f => f is not null);
        Assert.True(failure is null, $"A producer's Add threw {failure?.GetType().Name}: {failure?.Message}");
        Assert.True(other.Added == 0 && Volatile.Read(ref mostSeen) <= 1 && buffer.Count == 1,
            $"One item was taken from a full buffer with room for one, and both waiting producers went on: the buffer held {Math.Max(Volatile.Read(ref mostSeen), buffer.Count)} items. " +
            "When both producers wake up, the one that finds the buffer full again must go back to waiting: check in a `while` loop around Monitor.Wait, not an `if`.");
        first.AssertNoFailure();
        first.LetGo();
    }

    [Fact]
    [Task(4)]
    public async Task Waiting_producers_and_consumers_do_not_hold_thread_pool_threads()
    {
        const int waiting = 6;
        var empty = new BoundedBuffer<int>(Capacity);
        var full = new BoundedBuffer<int>(capacity: 1);
        full.Add(0);
        var before = PoolLoad.Now();

        var consumers = Enumerable.Range(1, waiting).Select(n => new Consumer(empty, $"consumer {n}")).ToList();
        var producers = Enumerable.Range(1, waiting).Select(n => new Producer(full, [n])).ToList();
        await Within.Until(() => consumers.All(c => c.IsWaiting) && producers.All(p => p.IsWaiting),
            $"{waiting} consumers on an empty buffer and {waiting} producers on a full one did not all wait.", Patience);
        var during = PoolLoad.Now();

        var extra = during - before;
        empty.Complete();
        full.Complete();
        await Within.Until(() => consumers.All(c => c.HasEnded) && producers.All(p => p.Finished.IsCompleted),
            "After Complete, the waiting consumers and producers did not all end.", Patience);
        Assert.True(extra < waiting,
            $"While {waiting} consumers and {waiting} producers waited on their own threads, {extra} thread-pool threads were busy or queued as well. " +
            "A producer or consumer should wait right on the buffer, on its own thread: Task.Run(...).Result or .Wait() inside Add or Consume " +
            "blocks a second thread, a thread-pool one, and many waiting callers then starve the thread pool.");
    }

    [Fact]
    [Task(4)]
    public async Task Many_producers_and_consumers_pass_every_item_exactly_once()
    {
        const int producers = 4, consumers = 4, perProducer = 500, capacity = 1;
        var buffer = new BoundedBuffer<int>(capacity);
        var mostSeen = 0;
        var producing = Enumerable.Range(0, producers)
            .Select(p => new Producer(buffer, Enumerable.Range(p * perProducer, perProducer), afterEachAdd: () => InterlockedMax(ref mostSeen, buffer.Count)))
            .ToList();
        var consuming = Enumerable.Range(0, consumers).Select(n => new Consumer(buffer, $"consumer {n}")).ToList();
        int Moved() => consuming.Sum(c => c.Taken.Count);

        // Progress, not a stopwatch: fail only when no item at all moved for a long time, with items left to move.
        var total = producers * perProducer;
        var lastMoved = -1;
        var lastProgress = DateTime.UtcNow;
        await Within.Until(() =>
        {
            var moved = Moved();
            if (moved != lastMoved)
            {
                (lastMoved, lastProgress) = (moved, DateTime.UtcNow);
            }
            return moved == total || producing.Any(p => p.Failure is not null) || consuming.Any(c => c.Failure is not null)
                || DateTime.UtcNow - lastProgress > Patience;
        }, () => $"{producers} producers and {consumers} consumers moved only {Moved()} of {total} items in a long time.", Within.Default * 3);
        foreach (var consumer in consuming)
        {
            consumer.AssertNoFailure();
        }
        Assert.True(Moved() == total,
            $"{producers} producers and {consumers} consumers on a buffer with room for one got stuck after {Moved()} of {total} items, " +
            $"with {producing.Sum(p => p.Added)} added: no item moved for {Patience.TotalSeconds:0} s, every thread waiting for another. A wake-up was lost: " +
            "Monitor.Pulse wakes one waiting thread, maybe a producer where a consumer was needed. Wake them all with Monitor.PulseAll " +
            "(each checks again in its `while` loop), or use two SemaphoreSlims or a BlockingCollection.");

        foreach (var producer in producing)
        {
            await producer.Ended(Within.Default);
        }
        buffer.Complete();
        await Within.Until(() => consuming.All(c => c.HasEnded), "The consumers did not end after Complete.", Within.Default);

        Assert.True(mostSeen <= capacity, $"The buffer held {mostSeen} items at once, but its capacity is {capacity}.");
        var expected = Enumerable.Range(0, total).ToList();
        var counted = consuming.SelectMany(c => c.Taken).Order().ToList();
        Assert.True(expected.SequenceEqual(counted),
            $"{total} items went in and {counted.Count} came out ({counted.Distinct().Count()} different ones): every item must reach exactly one consumer.");
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
        private int _nativeId;
        private Exception? _failure;

        public Producer(BoundedBuffer<int> buffer, IEnumerable<int> items, Action? afterEachAdd = null)
        {
            _thread = new Thread(() =>
            {
                Volatile.Write(ref _nativeId, ThreadActivity.CurrentNativeId());
                try
                {
                    foreach (var item in items)
                    {
                        buffer.Add(item);
                        Interlocked.Increment(ref _added);
                        afterEachAdd?.Invoke();
                    }
                }
                catch (Exception exception)
                {
                    // Caught here: an exception escaping a thread would end the whole test run.
                    Failure = exception;
                }
                _ended.SetResult();
            })
            { IsBackground = true, Name = "producer" };
            _thread.Start();
        }

        public int Added => Volatile.Read(ref _added);

        public int NativeId => Volatile.Read(ref _nativeId);

        public Exception? Failure { get => Volatile.Read(ref _failure); private set => Volatile.Write(ref _failure, value); }

        public bool IsWaiting => _thread.ThreadState.HasFlag(ThreadState.WaitSleepJoin);

        public Task Finished => _ended.Task;

        /// <summary>Waits until the producer has filled the buffer and waits inside its next Add, or fails saying what it did instead.</summary>
        public async Task WaitsWithBufferFull(int capacity)
        {
            await Within.Until(() => Failure is not null || Finished.IsCompleted || (Added == capacity && IsWaiting),
                () => $"The producer added {Added} items to a buffer with room for {capacity} and then neither finished nor waited. " +
                      "Add on a full buffer must block the thread until there is room (not spin, not poll).", Patience);
            Assert.True(Failure is null,
                $"Add on a full buffer threw {Failure?.GetType().Name}: {Failure?.Message} It must wait for a consumer instead.");
            Assert.True(Added == capacity,
                $"{Added} items went into a buffer with room for {capacity}: Add must wait while the buffer is full. " +
                "That wait is the back-pressure. Give the BlockingCollection a boundedCapacity (or wait while Count >= capacity).");
        }

        public async Task Ended(TimeSpan limit)
        {
            await Within.Await(_ended.Task, $"A producer did not finish adding its items (it added {Added}).", limit);
            Assert.True(Failure is null, $"A producer's Add threw {Failure?.GetType().Name}: {Failure?.Message}");
        }
    }

    /// <summary>
    /// A consumer thread that takes items from Consume and records what it got and how it ended. With <c>take</c>, it
    /// stops asking for more after that many items and holds on to them until <see cref="LetGo"/>.
    /// </summary>
    private sealed class Consumer
    {
        private readonly Thread _thread;
        private readonly ConcurrentQueue<int> _taken = new();
        private readonly ManualResetEventSlim _letGo = new();
        private int _nativeId;
        private int _ended;
        private Exception? _failure;

        public Consumer(BoundedBuffer<int> buffer, string name, int take = int.MaxValue)
        {
            _thread = new Thread(() =>
            {
                Volatile.Write(ref _nativeId, ThreadActivity.CurrentNativeId());
                try
                {
                    foreach (var item in buffer.Consume())
                    {
                        _taken.Enqueue(item);
                        if (_taken.Count == take)
                        {
                            // Holds on to its last item, without asking for the next, until the test lets it go.
                            _letGo.Wait();
                            break;
                        }
                    }
                }
                catch (Exception exception)
                {
                    // Caught here: an exception escaping a thread would end the whole test run.
                    Volatile.Write(ref _failure, exception);
                }
                Volatile.Write(ref _ended, 1);
            })
            { IsBackground = true, Name = name };
            _thread.Start();
        }

        public ConcurrentQueue<int> Taken => _taken;

        /// <summary>Lets a consumer that took its items and holds on to them stop consuming.</summary>
        public void LetGo() => _letGo.Set();

        public int NativeId => Volatile.Read(ref _nativeId);

        public Exception? Failure => Volatile.Read(ref _failure);

        public bool HasEnded => Volatile.Read(ref _ended) == 1;

        public bool IsWaiting => _thread.ThreadState.HasFlag(ThreadState.WaitSleepJoin);

        public void AssertNoFailure(string advice = "")
        {
            var failure = Failure;
            Assert.True(failure is null,
                $"{_thread.Name}: Consume threw {failure?.GetType().Name}: {failure?.Message} {advice}".TrimEnd());
        }
    }

    /// <summary>
    /// How often a thread woke up and how much processor time it used while it should have been asleep, from the
    /// operating system's counters for that thread (Linux: /proc; Windows: processor time only; elsewhere: nothing measured).
    /// A thread blocked in Monitor.Wait or on a semaphore wakes only when it is signalled; a polling thread wakes
    /// hundreds of times a second, and a spinning one uses a whole core.
    /// </summary>
    private sealed record ThreadActivity(int Wakeups, TimeSpan ProcessorTime, bool Measured, bool Interrupted)
    {
        // A thread that blocks may spin and yield for a moment on its way into the wait, so the test looks at a few
        // windows one after the other and asks for one quiet window. A thread that polls every 10 ms or faster wakes
        // 30 times in each window, and one that spins uses most of it on a processor.
        private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(300);
        private const int Windows = 6;
        private const int MostWakeups = 5;
        private static readonly TimeSpan MostProcessorTime = TimeSpan.FromMilliseconds(30);

        private bool IsQuiet => Wakeups <= MostWakeups && ProcessorTime <= MostProcessorTime;

        /// <summary>
        /// Watches the thread for a quiet window; gives up after a few windows, or early when <paramref name="gaveUp"/>
        /// says the thread stopped waiting. Returns the quietest window seen.
        /// </summary>
        public static async Task<ThreadActivity> Measure(int nativeId, Func<bool> gaveUp)
        {
            ThreadActivity? quietest = null;
            for (var window = 0; window < Windows; window++)
            {
                var start = Read(nativeId);
                var deadline = DateTime.UtcNow + Window;
                while (DateTime.UtcNow < deadline && !gaveUp())
                {
                    await Task.Delay(20);
                }
                var end = Read(nativeId);
                if (start is null || end is null || gaveUp())
                {
                    return new ThreadActivity(0, TimeSpan.Zero, Measured: start is not null && end is not null, Interrupted: gaveUp());
                }
                var seen = new ThreadActivity(end.Value.Wakeups - start.Value.Wakeups, end.Value.Time - start.Value.Time, Measured: true, Interrupted: false);
                if (seen.IsQuiet)
                {
                    return seen;
                }
                quietest = quietest is null || seen.Wakeups + seen.ProcessorTime.TotalMilliseconds < quietest.Wakeups + quietest.ProcessorTime.TotalMilliseconds
                    ? seen
                    : quietest;
            }
            return quietest!;
        }

        public void AssertAsleep(string who, string advice)
        {
            if (!Measured || Interrupted)
            {
                return;
            }
            Assert.True(IsQuiet,
                $"{who} should sleep until it is woken, but in each of {Windows} stretches of {Window.TotalSeconds:0.#} s it kept waking up " +
                $"(at best {Wakeups} times, using {ProcessorTime.TotalMilliseconds:0} ms of processor time): it checks again and again. {advice}");
        }

        public static int CurrentNativeId()
        {
            try
            {
                if (OperatingSystem.IsLinux())
                {
                    return LinuxGetTid();
                }
                if (OperatingSystem.IsWindows())
                {
                    return (int)WindowsGetCurrentThreadId();
                }
            }
            catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
            {
            }
            return 0;
        }

        private static (int Wakeups, TimeSpan Time)? Read(int nativeId)
        {
            if (nativeId == 0)
            {
                return null;
            }
            try
            {
                if (OperatingSystem.IsLinux())
                {
                    var task = $"/proc/self/task/{nativeId}";
                    var wakeups = File.ReadLines($"{task}/status")
                        .Where(line => line.StartsWith("voluntary_ctxt_switches:", StringComparison.Ordinal) ||
                                       line.StartsWith("nonvoluntary_ctxt_switches:", StringComparison.Ordinal))
                        .Sum(line => int.Parse(line[(line.IndexOf(':') + 1)..].Trim(), System.Globalization.CultureInfo.InvariantCulture));
                    // /proc/.../stat: "pid (name) state ..." where utime and stime are fields 14 and 15, in clock ticks (1/100 s).
                    var stat = File.ReadAllText($"{task}/stat");
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) +
                                long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
                    return (wakeups, TimeSpan.FromMilliseconds(ticks * 10));
                }
                if (OperatingSystem.IsWindows())
                {
                    using var process = Process.GetCurrentProcess();
                    var thread = process.Threads.Cast<ProcessThread>().FirstOrDefault(t => t.Id == nativeId);
                    return thread is null ? null : (0, thread.TotalProcessorTime);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
            {
            }
            return null;
        }

        [DllImport("libc", EntryPoint = "gettid")]
        private static extern int LinuxGetTid();

        [DllImport("kernel32", EntryPoint = "GetCurrentThreadId")]
        private static extern uint WindowsGetCurrentThreadId();
    }

    /// <summary>Thread-pool threads busy or queued right now, the least of a few looks (so a passing timer does not count).</summary>
    private static class PoolLoad
    {
        public static long Now()
        {
            var least = long.MaxValue;
            for (var look = 0; look < 10; look++)
            {
                ThreadPool.GetMaxThreads(out var most, out _);
                ThreadPool.GetAvailableThreads(out var available, out _);
                least = Math.Min(least, most - available + ThreadPool.PendingWorkItemCount);
                Thread.Sleep(5);
            }
            return least;
        }
    }
}
