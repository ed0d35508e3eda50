namespace Generators;

/// <summary>
/// Kata 2, mirrors seed cell In [4]: an iterator method written with <c>yield return</c>.
/// </summary>
public static class SquareGenerator
{
    /// <summary>
    /// Yields the squares of <paramref name="from"/> to <paramref name="to"/>, one at a time,
    /// only when the consumer asks for the next one. Calls <paramref name="produced"/> with each
    /// square just before yielding it, so that you (and the tests) can watch it run.
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint SquareGenerator</c> gives one hint at a time.</remarks>
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced) =>
        throw Todo.Kata();
}
