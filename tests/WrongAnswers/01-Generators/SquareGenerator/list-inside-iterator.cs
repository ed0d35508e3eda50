// Wrong answer: Squares is an iterator, but on the first MoveNext it builds the whole list, then yields from it
// Replaces: SquareGenerator.cs
// Found by: blind review
// Why it fails: it waits for the first request, then makes every square at once; put yield return inside the loop that makes them.

namespace Generators;

public static class SquareGenerator
{
    public static IEnumerable<int> Squares(int from, int to, Action<int> produced)
    {
        var squares = new List<int>();
        for (var x = from; x <= to; x++)
        {
            produced(x * x);
            squares.Add(x * x);
        }
        foreach (var square in squares)
        {
            yield return square;
        }
    }
}
