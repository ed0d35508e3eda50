// Wrong answer: Fibonacci computes and reports the next number before yielding the current one
// Replaces: InfiniteSequences.cs
// Found by: blind review
// Why it fails: produced hears about a number nobody asked for, one step ahead of the consumer; report and yield the same number, just before yield return.

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        long a = 0, b = 1;
        produced(a);
        while (true)
        {
            produced(b);
            yield return a;
            (a, b) = (b, a + b);
        }
    }
}
