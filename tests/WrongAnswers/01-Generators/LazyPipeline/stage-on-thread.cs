// Wrong answer: Build runs Parse on a background thread that hands each number to Square through a two-semaphore handshake
// Replaces: LazyPipeline.cs
// Found by: blind review
// Why it fails: when the consumer stops early, the parsing thread stays blocked for ever, one per enumeration; iterator stages need no thread at all.

namespace Generators;

public static class LazyPipeline
{
    public static IEnumerable<int> Parse(IEnumerable<string> lines, Action<string> log)
    {
        foreach (var line in lines)
        {
            log($"parse {line}");
            yield return int.Parse(line);
        }
    }

    public static IEnumerable<(int Number, int Square)> Square(IEnumerable<int> numbers, Action<string> log)
    {
        foreach (var number in numbers)
        {
            log($"square {number}");
            yield return (number, number * number);
        }
    }

    public static IEnumerable<string> Describe(IEnumerable<(int Number, int Square)> pairs, Action<string> log)
    {
        foreach (var (number, square) in pairs)
        {
            log($"describe {number}");
            yield return $"{number}² = {square}";
        }
    }

    public static IEnumerable<string> Build(IEnumerable<string> lines, Action<string> log) =>
        Describe(Square(ParseOnThread(lines, log), log), log);

    private static IEnumerable<int> ParseOnThread(IEnumerable<string> lines, Action<string> log)
    {
        var asked = new SemaphoreSlim(0);
        var ready = new SemaphoreSlim(0);
        var current = 0;
        var done = false;
        Exception? failure = null;
        var parser = new Thread(() =>
        {
            try
            {
                using var parsed = Parse(lines, log).GetEnumerator();
                while (true)
                {
                    asked.Wait();
                    if (!parsed.MoveNext())
                    {
                        break;
                    }
                    current = parsed.Current;
                    ready.Release();
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            done = true;
            ready.Release();
        }) { IsBackground = true };
        parser.Start();

        while (true)
        {
            asked.Release();
            ready.Wait();
            if (done)
            {
                if (failure is not null)
                {
                    throw failure;
                }
                yield break;
            }
            yield return current;
        }
    }
}
