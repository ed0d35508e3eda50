// Wrong answer: Fibonacci keeps the last two numbers in int variables and converts each to long when yielding
// Replaces: InfiniteSequences.cs
// Found by: blind review
// Why it fails: from the 47th number on an int overflows and the numbers turn negative; keep them in long.

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        int a = 0, b = 1;
        while (true)
        {
            produced(a);
            yield return a;
            (a, b) = (b, a + b);
        }
    }
}
