// Wrong answer: Squares runs the loop on its own thread and hands each square over with a two-semaphore handshake
// Replaces: SquareGenerator.cs
// Found by: blind review
// Why it fails: when the consumer stops early the producer thread stays blocked for ever, one per enumeration; an iterator method needs no thread at all.

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        var asked = new SemaphoreSlim(0);
        var ready = new SemaphoreSlim(0);
        var current = 0;
        var done = false;
        var producer = new Thread(() =>
        {
            for (var x = from; x <= to; x++)
            {
                asked.Wait();
                produced(x * x);
                current = x * x;
                ready.Release();
            }
            asked.Wait();
            done = true;
            ready.Release();
        }) { IsBackground = true };
        producer.Start();

        while (true)
        {
            asked.Release();
            ready.Wait();
            if (done)
            {
                yield break;
            }
            yield return current;
        }
    }
}
