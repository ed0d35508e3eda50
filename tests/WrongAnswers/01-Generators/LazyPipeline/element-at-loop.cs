// Wrong answer: Parse walks the lines with an index and lines.ElementAt(i) until it runs out
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: ElementAt starts the source again from the beginning for every line, so the input is read over and over; read it once with foreach.

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        for (var i = 0; ; i++)
        {
            var line = lines.ElementAtOrDefault(i);
            if (line is null)
            {
                yield break;
            }
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

    public static IEnumerable<string> Build(IEnumerable<string> lines, Action<string> log) =>
        Describe(Square(Parse(lines, log), log), log);
}
