// Wrong answer: puts each result at the position found with IndexOf(item)
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: when an item appears twice, IndexOf finds its first place both times, so one slot is written twice and another stays empty; keep the position of each call (or use what Task.WhenAll returns).

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var list = items.ToList();
        var results = new TResult[list.Count];
        await Task.WhenAll(list.Select(async item => results[list.IndexOf(item)] = await call(item)));
        return results;
    }
}
