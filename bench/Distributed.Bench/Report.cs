namespace Distributed.Bench;

internal static class Report
{
    public static void Table(List<IContestant> contestants, Dictionary<IContestant, List<double>> rates, Dictionary<IContestant, double> latency)
    {
        var width = contestants.Max(c => c.Name.Length);
        Console.WriteLine($"{"system".PadRight(width)}  {"tasks/s: min",12} {"median",8} {"max",8}   one call (median)");
        foreach (var contestant in contestants)
        {
            var r = rates[contestant];
            Console.WriteLine($"{contestant.Name.PadRight(width)}  {r.Min(),12:0} {Stats.Median(r),8:0} {r.Max(),8:0}   {latency[contestant],8:0.00} ms");
        }
    }

    public static void Ratios(List<IContestant> contestants, Dictionary<IContestant, List<double>> rates, Dictionary<IContestant, double> latency)
    {
        double Median(IContestant c) => Stats.Median(rates[c]);
        var projects = contestants.OfType<ProjectQueue>().ToList();
        var c4 = projects[0];
        var best = projects.MaxBy(Median)!;
        var limit = contestants.OfType<BrokerLimit>().First();
        Console.WriteLine();
        if (contestants.OfType<SeedCelery>().SingleOrDefault() is { } celery)
        {
            Console.WriteLine($"concurrency 4 vs Celery: {Median(c4) / Median(celery):0.0}x (goal: at least 10x)");
            Console.WriteLine($"one call vs Celery: {latency[celery] / latency[c4]:0.0}x faster");
        }
        foreach (var project in projects)
        {
            Console.WriteLine($"{project.Name} vs the broker's limit: {Median(project) / Median(limit):0.00}x");
        }
        foreach (var variant in contestants.OfType<BrokerLimit>().Skip(1))
        {
            Console.WriteLine($"{variant.Name} vs the broker's limit: {Median(variant) / Median(limit):0.00}x");
        }
        Console.WriteLine($"best of the project vs the broker's limit: {Median(best) / Median(limit):0.00}x (goal: at least 0.90x)");
        Console.WriteLine($"one call, concurrency 4: {latency[c4]:0.00} ms (goal: at most 0.5 ms)");
    }
}
