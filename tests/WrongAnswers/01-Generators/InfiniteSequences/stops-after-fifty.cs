// Wrong answer: Fibonacci is an iterator with a for loop that stops after 50 numbers, "which is plenty"
// Replaces: InfiniteSequences.cs
// Found by: blind review
// Why it fails: the sequence must never end on its own; the consumer decides how many it wants. Use while (true).

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        long a = 0, b = 1;
        for (var i = 0; i < 50; i++)
        {
            produced(a);
            yield return a;
            (a, b) = (b, a + b);
        }
    }
}
