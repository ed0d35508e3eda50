// Wrong answer: Square reads its numbers two at a time with Chunk(2) and yields both pairs
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: Square pulls a second number before the first has reached the end of the pipeline, so items no longer flow one at a time; handle one number per yield.

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
        foreach (var chunk in numbers.Chunk(2))
        {
            foreach (var number in chunk)
            {
                log($"square {number}");
                yield return (number, number * number);
            }
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
