// Wrong answer: Fibonacci adds numbers to a list in a while (true) loop and means to return the list
// Replaces: InfiniteSequences.cs
// Found by: test header
// Why it fails: without yield return an endless loop never returns; yield return each number so the consumer decides when to stop.

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        var numbers = new List<long>();
        long a = 0, b = 1;
        while (numbers.Count >= 0)
        {
            produced(a);
            numbers.Add(a);
            (a, b) = (b, unchecked(a + b));
        }
        return numbers;
    }
}
