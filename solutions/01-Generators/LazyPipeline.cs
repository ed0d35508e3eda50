namespace Generators;

/// <summary>
/// Kata 4, "going further": a pipeline of iterator stages. Each item flows through every
/// stage before the next item is even read.
/// </summary>
public static class LazyPipeline
{
    /// <summary>Stage 1: turns each line into a number. Logs <c>parse {line}</c>.</summary>
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        foreach (var line in lines)
        {
            log($"parse {line}");
            yield return int.Parse(line.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Stage 2: pairs each number with its square. Logs <c>square {number}</c>.</summary>
    public static IEnumerable<(int Number, int Square)> Square(IEnumerable<int> numbers, Action<string> log)
    {
        foreach (var number in numbers)
        {
            log($"square {number}");
            yield return (number, number * number);
        }
    }

    /// <summary>Stage 3: describes each pair as text, <c>"3² = 9"</c>. Logs <c>describe {number}</c>.</summary>
    public static IEnumerable<string> Describe(IEnumerable<(int Number, int Square)> pairs, Action<string> log)
    {
        foreach (var (number, square) in pairs)
        {
            log($"describe {number}");
            yield return $"{number}² = {square}";
        }
    }

    /// <summary>The three stages chained together: <c>Describe(Square(Parse(lines)))</c>.</summary>
    public static IEnumerable<string> Build(IEnumerable<string> lines, Action<string> log) =>
        Describe(Square(Parse(lines, log), log), log);
}
