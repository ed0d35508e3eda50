// Wrong answer: Generate is a plain method returning a hand-made stream that uses the WithCancellation token when there is one, else the direct token
// Replaces: AsyncSquares.cs
// Found by: section review (phase 2)
// Why it fails: with both tokens given, cancelling the direct one does nothing; one parameter marked [EnumeratorCancellation] lets the compiler combine both.

using System.Runtime.CompilerServices;

namespace Generators;

public static class AsyncSquares
{
    public static IAsyncEnumerable<int> Generate(
        int from,
        int to,
        TimeSpan interval,
        TimeProvider time,
        CancellationToken cancellationToken = default) =>
        new Stream(from, to, interval, time, cancellationToken);

    private sealed class Stream(int from, int to, TimeSpan interval, TimeProvider time, CancellationToken direct) : IAsyncEnumerable<int>
    {
        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken given = default) =>
            Run(given.CanBeCanceled ? given : direct).GetAsyncEnumerator();

        private async IAsyncEnumerable<int> Run([EnumeratorCancellation] CancellationToken token = default)
        {
            for (var x = from; x <= to; x++)
            {
                await Task.Delay(interval, time, token);
                yield return x * x;
            }
        }
    }
}
