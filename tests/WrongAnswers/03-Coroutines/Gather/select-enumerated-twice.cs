// Wrong answer: keeps the lazy Select, awaits it with WhenAll, then reads the results from it again
// Replaces: Gather.cs
// Found by: blind review
// Why it fails: a Select is only a description, so each time it is enumerated every call is made again; turn it into a list (ToList) once and use that list.

namespace Coroutines;

public static class Gather
{
    public static async Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call)
    {
        var tasks = items.Select(call);
        await Task.WhenAll(tasks);
        return tasks.Select(task => task.Result).ToArray();
    }
}
