// Wrong answer: Fibonacci yields Fib(n) for n = 0, 1, 2, ..., computing each one with the textbook recursion
// Replaces: InfiniteSequences.cs
// Found by: blind review
// Why it fails: each number redoes all the work of the ones before, exponentially, so the 90th never arrives; carry the last two numbers from one step to the next.

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        for (var n = 0; ; n++)
        {
            var value = Fib(n);
            produced(value);
            yield return value;
        }
    }

    private static long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
}
