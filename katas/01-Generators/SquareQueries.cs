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
    /// <remarks>TODO: return a query; do not compute anything here.</remarks>
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) =>
        throw Todo.Kata("01-generators.dib", "In [6]");

    /// <summary>
    /// The squares of <paramref name="numbers"/>, computed right now and stored in a list.
    /// Later changes to the source do not change the list.
    /// </summary>
    /// <remarks>TODO: compute every square now and keep them.</remarks>
    public static List<int> Eager(IEnumerable<int> numbers) =>
        throw Todo.Kata("01-generators.dib", "In [6]");
}
