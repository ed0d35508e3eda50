// Wrong answer: uses Parallel.ForEachAsync with its default options
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: by default Parallel.ForEachAsync runs only as many calls at once as the machine has cores, not all of them; start every call and await Task.WhenAll.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var list = items.ToList();
        var results = new TResult[list.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), async (index, _) =>
            results[index] = await call(list[index]));
        return results;
    }
}
