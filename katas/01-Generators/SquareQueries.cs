namespace Generators;

/// <summary>
/// Kata 1, mirrors seed cell In [6]: a lazy query beside a materialised list.
/// </summary>
public static class SquareQueries
{
    /// <summary>
    /// The squares of <paramref name="numbers"/> as a lazy LINQ query: a recipe that does
    /// nothing until someone enumerates it, and runs again every time it is enumerated.
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint SquareQueries</c> gives one hint at a time.</remarks>
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) =>
        throw Todo.Kata();

    /// <summary>
    /// The squares of <paramref name="numbers"/>, computed right now and stored in a list.
    /// Later changes to the source do not change the list.
    /// </summary>
    public static List<int> Eager(IEnumerable<int> numbers) =>
        throw Todo.Kata();
}
