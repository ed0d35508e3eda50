// Wrong answer: every stage logs after its yield return, when the consumer comes back for more
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: the logs come after the item has already moved on, and the last item taken is never logged; log just before yield return.

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        foreach (var line in lines)
        {
            yield return int.Parse(line);
            log($"parse {line}");
        }
    }

    public static IEnumerable<(int Number, int Square)> Square(IEnumerable<int> numbers, Action<string> log)
    {
        foreach (var number in numbers)
        {
            yield return (number, number * number);
            log($"square {number}");
        }
    }

    public static IEnumerable<string> Describe(IEnumerable<(int Number, int Square)> pairs, Action<string> log)
    {
        foreach (var (number, square) in pairs)
        {
            yield return $"{number}² = {square}";
            log($"describe {number}");
        }
    }

    public static IEnumerable<string> Build(IEnumerable<string> lines, Action<string> log) =>
        Describe(Square(Parse(lines, log), log), log);
}
