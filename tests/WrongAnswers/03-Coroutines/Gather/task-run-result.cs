// Wrong answer: runs each call on the thread pool and blocks that thread on .Result
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: every waiting call holds a whole thread, so how many run at once depends on how many threads the machine gives you; a waiting task needs no thread: start the calls and await Task.WhenAll.

namespace Coroutines;

public static class Gather
{
    public static Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call) =>
        Task.WhenAll(items.Select(item => Task.Run(() => call(item).Result)).ToList());
}
