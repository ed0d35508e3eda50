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
    /// <remarks>TODO: a <c>while (true)</c> loop with <c>yield return</c> inside.</remarks>
    public static IEnumerable<long> Fibonacci(Action<long> produced) =>
        throw Todo.Kata("01-generators.dib", "Going further: infinite sequences");
}
