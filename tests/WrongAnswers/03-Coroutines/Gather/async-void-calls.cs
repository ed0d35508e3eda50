// Wrong answer: starts each call from an async void helper that stores its result and counts down
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: an exception in an async void method cannot reach the caller and crashes the whole program instead; return a Task and await the tasks with Task.WhenAll.

namespace Coroutines;

public static class Gather
{
    public static Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var list = items.ToList();
        var results = new TResult[list.Count];
        var done = new TaskCompletionSource<TResult[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var remaining = list.Count;
        if (remaining == 0)
        {
            done.SetResult(results);
        }

        for (var i = 0; i < list.Count; i++)
        {
            Store(i, list[i]);
        }
        return done.Task;

        async void Store(int index, TItem item)
        {
            results[index] = await call(item);
            if (Interlocked.Decrement(ref remaining) == 0)
            {
                done.SetResult(results);
            }
        }
    }
}
