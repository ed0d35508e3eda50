// Wrong answer: Fibonacci computes every Fibonacci number that fits in a long into a list and returns it
// Replaces: InfiniteSequences.cs
// Found by: blind review
// Why it fails: it makes 93 numbers before the consumer asks for any, and the sequence ends; use while (true) with yield return so only what Take asks for is made.

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        var numbers = new List<long>();
        long a = 0, b = 1;
        for (var i = 0; i < 93; i++)
        {
            produced(a);
            numbers.Add(a);
            (a, b) = (b, a + b);
        }
        return numbers;
    }
}
