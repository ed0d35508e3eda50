// Wrong answer: Build returns the chained stages with ToList() at the end, a finished list
// Replaces: LazyPipeline.cs
// Found by: test header
// Why it fails: every line is read and every stage runs at the call, even for items nobody asks for; return the chained stages without ToList().

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        foreach (var line in lines)
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
        Describe(Square(Parse(lines, log), log), log).ToList();
}
