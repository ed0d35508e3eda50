// Wrong answer: Fibonacci starts a background thread that pours numbers into a BlockingCollection, and yields from it
// Replaces: InfiniteSequences.cs
// Found by: section review (phase 2)
// Why it fails: the thread runs ahead of the consumer without limit (and never stops); an iterator makes each number only when asked, on the consumer's thread.

using System.Collections.Concurrent;

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        var numbers = new BlockingCollection<long>();
        var producer = new Thread(() =>
        {
            long a = 0, b = 1;
            while (true)
            {
                produced(a);
                numbers.Add(a);
                (a, b) = (b, unchecked(a + b));
            }
        }) { IsBackground = true };
        producer.Start();
        return numbers.GetConsumingEnumerable();
    }
}
