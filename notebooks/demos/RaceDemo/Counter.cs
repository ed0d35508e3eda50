namespace RaceDemo;

/// <summary>
/// A shared counter whose Add does what `count++` does, in its two steps: read the count, then write it plus one.
/// Each step is written down as it happens, so the notebook can tell who read what and who wrote what.
/// </summary>
internal sealed class Counter(List<string> steps, bool interlocked)
{
    private int _count;

    public int Value => _count;

    public void Add(string who)
    {
        // Coyote may switch tasks at every field access. The log and the mode are read into locals first, so that
        // between a step on the count and the line that tells it, nothing lets the other task in.
        var log = steps;
        if (interlocked)
        {
            // Read, add and write as one indivisible step: no other task can come between them.
            var now = Interlocked.Increment(ref _count);
            log.Add($"{who} adds one in one step (Interlocked.Increment): the count is now {now}");
            return;
        }
        var seen = _count;                        // read (Coyote may let the other task run just before this)
        log.Add($"{who} reads the count: {seen}");
        _count = seen + 1;                        // write (... or just before this)
        log.Add($"{who} writes the count: {seen + 1}");
    }
}
