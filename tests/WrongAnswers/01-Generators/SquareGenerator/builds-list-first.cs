// Wrong answer: Squares computes every square into a list (calling produced for each) and returns the list
// Replaces: SquareGenerator.cs
// Found by: blind review
// Why it fails: all the squares are made before the consumer asks for the first one; write a loop with yield return so each square is made on request.

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
        return squares;
    }
}
