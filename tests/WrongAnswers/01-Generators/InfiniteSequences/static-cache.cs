// Wrong answer: Fibonacci remembers every number it made in a static list and replays it without calling produced
// Replaces: InfiniteSequences.cs
// Found by: blind review
// Why it fails: a later enumeration yields numbers without reporting them to produced; every enumeration must run the loop again and report each number it yields.

namespace Generators;

public static class InfiniteSequences
{
    private static readonly List<long> Known = [0, 1];

    public static IEnumerable<long> Fibonacci(Action<long> produced)
    {
        for (var n = 0; ; n++)
        {
            lock (Known)
            {
                if (n >= Known.Count)
                {
                    Known.Add(Known[n - 1] + Known[n - 2]);
                    produced(Known[n]);
                }
                else if (n < 2 && Known.Count == 2)
                {
                    produced(Known[n]);
                }
            }
            yield return Known[n];
        }
    }
}
