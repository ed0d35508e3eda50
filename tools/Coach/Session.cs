using Course;

namespace Coach;

/// <summary>
/// The coach's logic, without a screen: which katas are done, which one is current, running a kata and remembering the result.
/// The current kata is the first one in course order whose tests do not all pass (and that you have not skipped).
/// </summary>
internal sealed record Session(string Root, CourseManifest Course, LearnerProgress Progress, KataRunner Runner)
{
    private readonly HashSet<string> _skipped = [];

    public KataRun Run(CourseKata kata)
    {
        var run = Runner.Run(kata);
        Progress.Record(run);
        return run;
    }

    /// <summary>Runs katas in course order until one does not pass, and returns that run; null once every kata passes.</summary>
    public KataRun? Current() =>
        Course.Katas.Where(k => !_skipped.Contains(k.Id) && Progress.Known(k) != true).Select(Run).FirstOrDefault(run => !run.Passed);

    /// <summary>Leaves <paramref name="kata"/> for later: the next current kata is the next one that does not pass.</summary>
    public void Skip(CourseKata kata) => _skipped.Add(kata.Id);
}
