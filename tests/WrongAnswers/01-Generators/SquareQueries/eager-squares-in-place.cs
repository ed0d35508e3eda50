// Wrong answer: Eager squares a List<int> source in place and returns that same list (copying only other sources)
// Replaces: SquareQueries.cs
// Found by: test header
// Why it fails: the caller's numbers are overwritten, and the "result" changes whenever the source does; build a new list with ToList().

namespace Generators;

public static class SquareQueries
{
    public static IEnumerable<int> Lazy(IEnumerable<int> numbers) => numbers.Select(x => x * x);

    public static List<int> Eager(IEnumerable<int> numbers)
    {
        if (numbers is List<int> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                list[i] *= list[i];
            }
            return list;
        }
        return numbers.Select(x => x * x).ToList();
    }
}
