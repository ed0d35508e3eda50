// Wrong answer: only Square walks its input by hand with GetEnumerator and MoveNext and never disposes it
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: when the consumer stops early, Parse and the source below Square are never disposed, so their cleanup never runs; use foreach, which disposes for you.

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
        var source = numbers.GetEnumerator();
        while (source.MoveNext())
        {
            var number = source.Current;
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
