// Wrong answer: the worker loop calls work(item) with no care for exceptions
// Replaces: WorkerPool.cs
// Found by: blind review
// Why it fails: an exception that escapes a thread you created ends the whole program, not just that worker; catch it in the worker, keep it, and throw it from WaitForResults where the caller can handle it.

using System.Collections.Concurrent;

namespace ThreadsAndProcesses;

public sealed class WorkerPool<TInput, TResult>
{
    private readonly BlockingCollection<TInput> _queue = new();
    private readonly ConcurrentQueue<TResult> _results = new();
    private readonly List<Thread> _workers = new();

    public WorkerPool(int workers, Func<TInput, TResult> work)
    {
        for (var n = 0; n < workers; n++)
        {
            var thread = new Thread(() =>
            {
                foreach (var item in _queue.GetConsumingEnumerable())
                {
                    _results.Enqueue(work(item));
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
        return _results.ToList();
    }
}
