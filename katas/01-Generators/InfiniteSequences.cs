namespace Generators;

/// <summary>
/// Kata 3, "going further": a sequence with no end, safe because it is lazy.
/// </summary>
public static class InfiniteSequences
{
    /// <summary>
    /// The Fibonacci numbers 0, 1, 1, 2, 3, 5, ... for ever. The consumer decides how many
    /// it wants (for example with <c>Take</c>). Calls <paramref name="produced"/> with each
    /// number just before yielding it.
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint InfiniteSequences</c> gives one hint at a time.</remarks>
    public static IEnumerable<long> Fibonacci(Action<long> produced) =>
        throw Todo.Kata();
}
