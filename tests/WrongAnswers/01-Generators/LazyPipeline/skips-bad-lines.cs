// Wrong answer: Parse uses int.TryParse and quietly skips any line that is not a number
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: a bad line vanishes without a word and the caller never learns the input was wrong; let int.Parse throw so the error reaches the consumer.

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        foreach (var line in lines)
        {
            if (!int.TryParse(line, out var number))
            {
                continue;
            }
            log($"parse {line}");
            yield return number;
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
