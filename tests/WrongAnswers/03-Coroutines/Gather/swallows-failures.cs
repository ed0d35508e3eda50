// Wrong answer: catches the exception of a failing call and leaves its result as default
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: the caller never learns that a call failed and gets a made-up value instead; let the exception come out of await Task.WhenAll.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var tasks = items.Select(async item =>
        {
            try
            {
                return await call(item);
            }
            catch (Exception)
            {
                return default!;
            }
        }).ToList();
        return await Task.WhenAll(tasks);
    }
}
