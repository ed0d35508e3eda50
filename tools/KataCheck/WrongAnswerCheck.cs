namespace KataCheck;

/// <summary>
/// The wrong-answer step of the maintainer check: reads the corpus (filtered by section, kata or answer),
/// makes sure section 4 has a broker, runs every answer and prints one line per answer and a summary.
/// </summary>
public static class WrongAnswerCheck
{
    public static async Task<List<WrongAnswerResult>> RunAsync(string root, string? section, string? kata, string? slug, TimeSpan limitPerAnswer, int parallel)
    {
        IReadOnlyList<WrongAnswer> corpus;
        try
        {
            corpus = WrongAnswer.ReadCorpus(root);
        }
        catch (FormatException malformed)
        {
            // A corpus file that cannot be read is a maintainer's mistake: say which file and which line it lacks.
            Console.WriteLine($"kata-check: PROBLEM {malformed.Message}");
            return [new WrongAnswerResult(new WrongAnswer("", "corpus", "header", "unreadable", malformed.Message, "", "", ""), Verdict.DoesNotCompile, malformed.Message, TimeSpan.Zero)];
        }
        var answers = corpus
            .Where(a => section is null || a.Section == section)
            .Where(a => kata is null || a.Kata == kata)
            .Where(a => slug is null || a.Slug == slug)
            .ToList();
        Console.WriteLine($"kata-check: {answers.Count} wrong answer(s) to try");

        // Section 4's answers need a broker: the one RABBITMQ_URI names (then they run one at a time), or one private
        // broker for each answer tried at the same time, started once for the whole corpus.
        var brokers = new List<Broker.RabbitBroker>();
        var given = Environment.GetEnvironmentVariable(Broker.RabbitBroker.UriVariable);
        if (answers.Any(a => a.Section.StartsWith("04-", StringComparison.Ordinal)))
        {
            var count = string.IsNullOrWhiteSpace(given) ? Math.Max(1, parallel) : 1;
            brokers.AddRange(await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Broker.RabbitBroker.StartAsync())));
        }
        try
        {
            return Run(root, answers, limitPerAnswer, parallel, brokers.Select(b => b.Uri).ToList());
        }
        finally
        {
            foreach (var broker in brokers)
            {
                await broker.DisposeAsync();
            }
        }
    }

    private static List<WrongAnswerResult> Run(string root, IReadOnlyList<WrongAnswer> answers, TimeSpan limitPerAnswer, int parallel, IReadOnlyList<Uri> brokers)
    {
        var workFolder = Path.Combine(root, "artifacts", "wrong-answers");
        var runner = new WrongAnswerRunner(root, workFolder, limitPerAnswer, parallel, brokers);
        var results = runner.Run(answers, result =>
            Console.WriteLine($"  {Label(result.Verdict),-15} {result.Answer.Id,-70} {result.Took.TotalSeconds,5:0.0} s  {Clip(result.Detail)}"));

        Console.WriteLine();
        Console.WriteLine($"{"kata",-45} {"answers",8} {"blind",6} {"rejected",9}");
        foreach (var group in results.GroupBy(r => $"{r.Answer.Section}/{r.Answer.Kata}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{group.Key,-45} {group.Count(),8} {group.Count(r => r.Answer.FoundBy.StartsWith("blind", StringComparison.OrdinalIgnoreCase)),6} {group.Count(r => r.Verdict == Verdict.Rejected),9}");
        }
        var bad = results.Count(r => r.Verdict != Verdict.Rejected);
        Console.WriteLine($"kata-check: wrong answers: {results.Count - bad} of {results.Count} rejected" + (bad == 0 ? "" : $", {bad} NOT rejected"));
        return results;
    }

    private static string Label(Verdict verdict) => verdict switch
    {
        Verdict.Rejected => "rejected",
        Verdict.Accepted => "ACCEPTED",
        Verdict.Hung => "HUNG",
        Verdict.Crashed => "CRASHED",
        Verdict.DoesNotCompile => "DOES NOT BUILD",
        _ => "NO TESTS RAN",
    };

    private static string Clip(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 160 ? line : line[..157] + "...";
    }
}
