// Wrong answer: Square calls ToList() on its numbers before the loop, "to know how many there are"
// Replaces: LazyPipeline.cs
// Found by: test header
// Why it fails: the first stage runs for every line before Square starts, so items stop flowing through one at a time; loop over the input directly with foreach.

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
        var all = numbers.ToList();
        foreach (var number in all)
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
