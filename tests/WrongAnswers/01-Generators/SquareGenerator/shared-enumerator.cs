// Wrong answer: Squares returns a hand-written sequence whose GetEnumerator always hands back the same cursor
// Replaces: SquareGenerator.cs
// Found by: blind review
// Why it fails: a second foreach continues where the first stopped (or finds nothing) instead of starting again; let the compiler build the iterator with yield return.

using System.Collections;

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced) => new Cursor(from, to, produced);

    private sealed class Cursor(int from, int to, Action<int> produced) : IEnumerable<int>, IEnumerator<int>
    {
        private int next = from;

        public int Current { get; private set; }

        object IEnumerator.Current => Current;

        public IEnumerator<int> GetEnumerator() => this;

        IEnumerator IEnumerable.GetEnumerator() => this;

        public bool MoveNext()
        {
            if (next > to)
            {
                return false;
            }
            Current = next * next;
            produced(Current);
            next++;
            return true;
        }

        public void Reset() => next = from;

        public void Dispose()
        {
        }
    }
}
