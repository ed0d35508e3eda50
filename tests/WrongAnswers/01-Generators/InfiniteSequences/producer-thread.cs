// Wrong answer: Fibonacci runs an endless loop on a background thread that hands each number over through a handshake
// Replaces: InfiniteSequences.cs
// Found by: blind review
// Why it fails: the endless producer thread is never told the consumer stopped, so each enumeration leaves a thread blocked for ever; an iterator needs no thread.

namespace Generators;

public static class InfiniteSequences
{
    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        var asked = new SemaphoreSlim(0);
        var ready = new SemaphoreSlim(0);
        long current = 0;
        var producer = new Thread(() =>
        {
            long a = 0, b = 1;
            while (true)
            {
                asked.Wait();
                produced(a);
                current = a;
                ready.Release();
                (a, b) = (b, a + b);
            }
        }) { IsBackground = true };
        producer.Start();

        while (true)
        {
            asked.Release();
            ready.Wait();
            yield return current;
        }
    }
}
