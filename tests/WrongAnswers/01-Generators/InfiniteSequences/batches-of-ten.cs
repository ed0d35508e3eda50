// Wrong answer: Fibonacci fills a buffer of ten numbers at a time (reporting each), then yields from the buffer
// Replaces: InfiniteSequences.cs
// Found by: blind review
// Why it fails: Take(3) still makes ten numbers; an iterator should make exactly one number per request.

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        long a = 0, b = 1;
        var buffer = new List<long>(10);
        while (true)
        {
            buffer.Clear();
            for (var i = 0; i < 10; i++)
            {
                produced(a);
                buffer.Add(a);
                (a, b) = (b, a + b);
            }
            foreach (var value in buffer)
            {
                yield return value;
            }
        }
    }
}
