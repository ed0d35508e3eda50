namespace KataCheck;

/// <summary>
/// The wrong-answer step of the maintainer check: reads the corpus (filtered by section, kata or answer),
/// makes sure section 4 has a broker, runs every answer and prints one line per answer and a summary.
/// </summary>
public static class WrongAnswerCheck
{
    public static async Task<List<WrongAnswerResult>> RunAsync(string root, string? section, string? kata, string? slug, TimeSpan limitPerAnswer, int parallel)
    {
        var answers = WrongAnswer.ReadCorpus(root)
            .Where(a => section is null || a.Section == section)
            .Where(a => kata is null || a.Kata == kata)
            .Where(a => slug is null || a.Slug == slug)
            .ToList();
        Console.WriteLine($"kata-check: {answers.Count} wrong answer(s) to try");

        // One broker for every answer of section 4, instead of one per test run.
        await using var broker = answers.Any(a => a.Section.StartsWith("04-", StringComparison.Ordinal)) &&
                                 string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Broker.RabbitBroker.UriVariable))
            ? await Broker.RabbitBroker.StartAsync()
            : null;
        if (broker is not null)
        {
            Environment.SetEnvironmentVariable(Broker.RabbitBroker.UriVariable, broker.Uri.ToString());
        }

        var workFolder = Path.Combine(root, "artifacts", "wrong-answers");
        var runner = new WrongAnswerRunner(root, workFolder, limitPerAnswer, parallel);
        var results = runner.Run(answers, result =>
            Console.WriteLine($"  {Label(result.Verdict),-15} {result.Answer.Id,-70} {result.Took.TotalSeconds,5:0.0} s  {Clip(result.Detail)}"));

        if (broker is not null)
        {
            Environment.SetEnvironmentVariable(Broker.RabbitBroker.UriVariable, null);
        }

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
