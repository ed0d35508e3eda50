using Course;

namespace Coach;

/// <summary>
/// The coach's logic, without a screen: which katas are done, which one is current, running a kata and remembering the result.
/// The current kata is the first one in course order whose tests do not all pass (and that you have not skipped).
/// </summary>
internal sealed class Session(string root, CourseManifest course, LearnerProgress progress, KataRunner runner)
{
    private readonly HashSet<string> _skipped = [];

    public string Root => root;
    public CourseManifest Course => course;
    public LearnerProgress Progress => progress;

    public KataRun Run(CourseKata kata)
    {
        var run = runner.Run(kata);
        progress.Record(run);
        return run;
    }

    /// <summary>Whether the kata's tests pass; runs them only when that is not known already (or when <paramref name="fresh"/>).</summary>
    public bool IsDone(CourseKata kata, bool fresh = false) => (fresh ? null : progress.Known(kata)) ?? Run(kata).Passed;

    /// <summary>Runs katas in course order until one does not pass, and returns that run; null once every kata passes.</summary>
    public KataRun? Current() =>
        course.Katas.Where(k => !_skipped.Contains(k.Id) && progress.Known(k) != true).Select(Run).FirstOrDefault(run => !run.Passed);

    /// <summary>Leaves <paramref name="kata"/> for later: the next current kata is the next one that does not pass.</summary>
    public void Skip(CourseKata kata) => _skipped.Add(kata.Id);
}
