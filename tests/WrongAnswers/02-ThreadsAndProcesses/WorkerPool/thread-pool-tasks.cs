// Wrong answer: the work runs on Task.Run loops; the Thread objects are created only so Workers has something to show
// Replaces: WorkerPool.cs
// Found by: blind review
// Why it fails: the threads in Workers do no work at all, and the real work runs on borrowed thread-pool threads; this kata is about threads you create yourself: new Thread(...) per worker, each looping over the queue.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class WorkerPool<TInput, TResult>
{
    private readonly BlockingCollection<TInput> _queue = new();
    private readonly ConcurrentQueue<TResult> _results = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly List<Thread> _workers = new();
    private readonly List<Task> _loops = new();

    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        for (var n = 0; n < workers; n++)
        {
            var loop = Task.Run(() =>
            {
                foreach (var item in _queue.GetConsumingEnumerable())
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
            });
            _loops.Add(loop);
            var thread = new Thread(() => loop.Wait());
            _workers.Add(thread);
            thread.Start();
        }
    }

    public IReadOnlyList<Thread> Workers => _workers;

    public void Add(TInput item) => _queue.Add(item);

    public void Complete() => _queue.CompleteAdding();

    public IReadOnlyList<TResult> WaitForResults()
    {
        Task.WaitAll(_loops.ToArray());
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
