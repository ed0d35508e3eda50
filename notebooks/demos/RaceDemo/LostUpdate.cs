using Microsoft.Coyote;
using Microsoft.Coyote.Logging;
using Microsoft.Coyote.Specifications;
using Microsoft.Coyote.SystematicTesting;

namespace RaceDemo;

/// <summary>What one search by Coyote found: the interleaving it ran last, told step by step, and how it ended.</summary>
/// <param name="Seed">The seed of that interleaving: <see cref="LostUpdate.Replay"/> runs exactly it again.</param>
/// <param name="Iteration">Which of the interleavings tried it was (1 is the first).</param>
public sealed record Search(bool LostAnUpdate, uint Seed, int Iteration, int Tried, IReadOnlyList<string> Steps, int Count);

/// <summary>
/// Two tasks each add one to a shared counter, once. Coyote's scheduler decides which task runs at each read and
/// write of the counter, tries one order per iteration, and stops at the first order in which an update is lost.
/// </summary>
public static class LostUpdate
{
    /// <summary>Tries up to <paramref name="iterations"/> interleavings, the first one from <paramref name="firstSeed"/>.</summary>
    public static Search Hunt(uint firstSeed, int iterations, bool interlocked = false)
    {
        List<string> steps = [];
        var count = 0;
        var configuration = Configuration.Create()
            .WithTestingIterations((uint)iterations)
            .WithRandomGeneratorSeed(firstSeed)
            // Random choices at each step: an iteration depends on its own seed only, so one seed replays one iteration.
            .WithRandomStrategy()
            // Also switch tasks at each read and write of a field: that is where `count++` loses an update.
            .WithMemoryAccessRaceCheckingEnabled(true)
            .WithTelemetryEnabled(false);
        using var engine = TestingEngine.Create(configuration, async () =>
        {
            steps = [];
            var counter = new Counter(steps, interlocked);
            var a = Task.Run(() => counter.Add("task A"));
            var b = Task.Run(() => counter.Add("task B"));
            await Task.WhenAll(a, b);
            count = counter.Value;
            Specification.Assert(count == 2, "lost update: the count is {0}", count);
        });
        // Quiet: the notebook tells the story itself, instead of Coyote's progress lines.
        engine.SetLogger(new TextWriterLogger(TextWriter.Null, VerbosityLevel.None));
        engine.Run();

        // The engine stops at the first bug, so the last iteration it ran is the one that lost the update.
        var tried = (int)(engine.TestReport.NumOfExploredFairPaths + engine.TestReport.NumOfExploredUnfairPaths);
        var found = engine.TestReport.NumOfFoundBugs > 0;
        return new Search(found, firstSeed + (uint)Math.Max(tried, 1) - 1, tried, tried, steps, count);
    }

    /// <summary>Runs the one interleaving of <paramref name="seed"/> again.</summary>
    public static Search Replay(uint seed) => Hunt(seed, iterations: 1);
}
