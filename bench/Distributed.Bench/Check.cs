namespace Distributed.Bench;

internal static class Check
{
    /// <summary>A benchmark that is fast but wrong measures nothing: every x from 1 to n, once, with its square.</summary>
    public static void Squares(IEnumerable<(int X, int Square)> results, int tasks, string who, string said = "")
    {
        var list = results.ToList();
        if (list.Count != tasks || list.Select(r => r.X).Order().SequenceEqual(Enumerable.Range(1, tasks)) is false ||
            list.Any(r => r.Square != r.X * r.X))
        {
            throw new InvalidOperationException($"{who} returned wrong results. {said}");
        }
    }
}
