// Wrong answer: starts every call, then takes the results out with a WhenAny loop
// Replaces: Gather.cs
// Found by: test header
// Why it fails: a WhenAny loop hands out the results in the order the calls finished, not the order of the input; await Task.WhenAll, which keeps the input order.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var pending = items.Select(call).ToList();
        var results = new List<TResult>();
        while (pending.Count > 0)
        {
            var finished = await Task.WhenAny(pending);
            pending.Remove(finished);
            results.Add(await finished);
        }
        return results.ToArray();
    }
}
