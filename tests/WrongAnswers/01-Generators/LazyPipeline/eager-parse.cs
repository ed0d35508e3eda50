// Wrong answer: Parse reads and converts every line into a list first, then returns the list
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: every line is read before the first item moves on, so one item no longer flows through all stages before the next is read; make Parse an iterator with yield return.

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        var numbers = new List<int>();
        foreach (var line in lines)
        {
            log($"parse {line}");
            numbers.Add(int.Parse(line));
        }
        return numbers;
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
