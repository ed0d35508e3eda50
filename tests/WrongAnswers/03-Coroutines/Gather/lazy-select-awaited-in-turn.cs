// Wrong answer: loops over items.Select(call) and awaits each task as the loop reaches it
// Replaces: Gather.cs
// Found by: test header
// Why it fails: a Select starts each call only when the loop asks for it, so the calls still run one after another; start them all with ToList, then await Task.WhenAll.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var results = new List<TResult>();
        foreach (var task in items.Select(call))
        {
            results.Add(await task);
        }
        return results.ToArray();
    }
}
