// Wrong answer: Fibonacci computes "enough" numbers, the first hundred, into a list and returns it
// Replaces: InfiniteSequences.cs
// Found by: test header
// Why it fails: the producer runs far ahead of the consumer, and the sequence ends after 100; yield return each number inside while (true).

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        var numbers = new List<long>();
        long a = 0, b = 1;
        for (var i = 0; i < 100; i++)
        {
            produced(a);
            numbers.Add(a);
            (a, b) = (b, unchecked(a + b));
        }
        return numbers;
    }
}
