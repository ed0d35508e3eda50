namespace Coroutines;

/// <summary>
/// Kata 1 (seed cell In [25]): start every call, then wait for all of them together.
/// </summary>
public static class Gather
{
    /// <summary>
    /// Calls <paramref name="call"/> once for each item, with all the calls in flight at the same
    /// time, and returns their results in the order of <paramref name="items"/>, whichever call
    /// finished first.
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint Gather</c> gives one hint at a time.</remarks>
    public static Task<TResult[]> AllAsync<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call) =>
        throw Todo.Kata();
}
