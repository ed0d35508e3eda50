// Wrong answer: the talk's loop: while (true) TryTake(out item, 100 ms), as the Python workers loop until terminate()
// Replaces: WorkerPool.cs
// Found by: test header
// Why it fails: the workers never end, since .NET cannot kill a thread from outside, so WaitForResults waits for ever; loop over GetConsumingEnumerable(), which ends once the queue is completed and empty.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class WorkerPool<TInput, TResult>
{
    private readonly BlockingCollection<TInput> _queue = new();
    private readonly ConcurrentQueue<TResult> _results = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly List<Thread> _workers = new();

    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        for (var n = 0; n < workers; n++)
        {
            var thread = new Thread(() =>
            {
                while (true)
                {
                    if (_queue.TryTake(out var item, TimeSpan.FromMilliseconds(100)))
                    {
                        try
                        {
                            _results.Enqueue(work(item));
                        }
                        catch (Exception failure)
                        {
                            _failures.Enqueue(failure);
                        }
                    }
                }
            });
            _workers.Add(thread);
            thread.Start();
        }
    }

    public IReadOnlyList<Thread> Workers => _workers;

    public void Add(TInput item) => _queue.Add(item);

    public void Complete() => _queue.CompleteAdding();

    public IReadOnlyList<TResult> WaitForResults()
    {
        foreach (var worker in _workers)
        {
            worker.Join();
        }
        if (!_failures.IsEmpty)
        {
            throw new AggregateException(_failures);
        }
        return _results.ToList();
    }
}
