// Wrong answer: every stage walks its input with GetEnumerator and MoveNext by hand and never disposes the enumerator
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: when the consumer stops early, the earlier stages and the source are never disposed, so their cleanup never runs; use foreach, which disposes for you.

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        var source = lines.GetEnumerator();
        while (source.MoveNext())
        {
            log($"parse {source.Current}");
            yield return int.Parse(source.Current);
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
        var source = pairs.GetEnumerator();
        while (source.MoveNext())
        {
            var (number, square) = source.Current;
            log($"describe {number}");
            yield return $"{number}² = {square}";
        }
    }

    public static IEnumerable<string> Build(IEnumerable<string> lines, Action<string> log) =>
        Describe(Square(Parse(lines, log), log), log);
}
