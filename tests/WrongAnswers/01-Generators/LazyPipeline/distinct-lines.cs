// Wrong answer: Parse reads lines.Distinct(), so a line that repeats an earlier one is dropped
// Replaces: LazyPipeline.cs
// Found by: section review (phase 2)
// Why it fails: every line is one item, repeats included; read the lines as they are with foreach.

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        foreach (var line in lines.Distinct())
        {
            log($"parse {line}");
            yield return int.Parse(line.Trim(), System.Globalization.CultureInfo.InvariantCulture);
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

    public static IEnumerable<string> Build(IEnumerable<string> lines, Action<string> log) =>
        Describe(Square(Parse(lines, log), log), log);
}
