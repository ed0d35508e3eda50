// Wrong answer: Build checks parsed.Any() first and returns an empty sequence when there is nothing to parse
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: Any() reads the first line at the call, before anyone enumerates, and that line is parsed twice; just chain the stages.

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        foreach (var line in lines)
        {
            log($"parse {line}");
            yield return int.Parse(line);
        }
    }

    public static IEnumerable<(int Number, int Square)> Square(IEnumerable<int> numbers, Action<string> log)
    {
        foreach (var number in numbers)
        {
            log($"square {number}");
            yield return (number, number * number);
        }
    }

    public static IEnumerable<string> Describe(IEnumerable<(int Number, int Square)> pairs, Action<string> log)
    {
        foreach (var (number, square) in pairs)
        {
            log($"describe {number}");
            yield return $"{number}² = {square}";
        }
    }

    public static IEnumerable<string> Build(IEnumerable<string> lines, Action<string> log)
    {
        var parsed = Parse(lines, log);
        if (!parsed.Any())
        {
            return [];
        }
        return Describe(Square(parsed, log), log);
    }
}
