// Wrong answer: awaits each call inside the loop before starting the next one
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: each call starts only when the previous one has finished, so they run one after another; start them all first, then await Task.WhenAll.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var results = new List<TResult>();
        foreach (var item in items)
        {
            results.Add(await call(item));
        }
        return results.ToArray();
    }
}
