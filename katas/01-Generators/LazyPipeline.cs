namespace Generators;

/// <summary>
/// Kata 4, "going further": a pipeline of iterator stages. Each item flows through every
/// stage before the next item is even read.
/// </summary>
public static class LazyPipeline
{
    /// <summary>Stage 1: turns each line into a number. Logs <c>parse {line}</c>.</summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint LazyPipeline</c> gives one hint at a time.</remarks>
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log) =>
        throw Todo.Kata();

    /// <summary>Stage 2: pairs each number with its square. Logs <c>square {number}</c>.</summary>
    public static IEnumerable<(int Number, int Square)> Square(IEnumerable<int> numbers, Action<string> log) =>
        throw Todo.Kata();

    /// <summary>Stage 3: describes each pair as text, <c>"3² = 9"</c>. Logs <c>describe {number}</c>.</summary>
    public static IEnumerable<string> Describe(IEnumerable<(int Number, int Square)> pairs, Action<string> log) =>
        throw Todo.Kata();

    /// <summary>The three stages chained together: <c>Describe(Square(Parse(lines)))</c>.</summary>
    public static IEnumerable<string> Build(IEnumerable<string> lines, Action<string> log) =>
        throw Todo.Kata();
}
