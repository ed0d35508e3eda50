using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Course;

namespace Coach;

/// <summary>
/// What the coach remembers between runs, in artifacts/coach/progress.json: for each kata, whether its tests passed
/// for the exact contents of its files and tests (a fingerprint), and how many hints you have seen.
/// A kata whose files still throw Todo.Kata() is not started, and is "todo" without running anything.
/// </summary>
internal sealed class LearnerProgress(string root)
{
    private readonly string _path = Path.Combine(root, "artifacts", "coach", "progress.json");
    private readonly Dictionary<string, Entry> _katas = Read(Path.Combine(root, "artifacts", "coach", "progress.json"));

    internal sealed record Entry(string? Fingerprint = null, bool Passed = false, int Hints = 0);

    private static Dictionary<string, Entry> Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(path)) ?? [] : [];
        }
        catch (JsonException)
        {
            return []; // a damaged file only costs a rerun
        }
    }

    private Entry EntryOf(CourseKata kata) => _katas.GetValueOrDefault(kata.Id) ?? new Entry();

    /// <summary>True or false when known for the files as they are now; null when the tests must run to tell.</summary>
    public bool? Known(CourseKata kata) =>
        EntryOf(kata).Fingerprint == Fingerprint(kata) ? EntryOf(kata).Passed : IsUntouched(kata) ? false : null;

    /// <summary>A kata is not started while one of its files still throws Todo.Kata(): its tests cannot pass.</summary>
    public bool IsUntouched(CourseKata kata) =>
        kata.KataPaths.Any(path => File.Exists(Path.Combine(root, path)) && File.ReadAllText(Path.Combine(root, path)).Contains("Todo.Kata(", StringComparison.Ordinal));

    /// <summary>Remembers a verdict of the tests; a run that could not judge (<see cref="KataState.Broken"/>) is not one.</summary>
    public void Record(KataRun run)
    {
        if (run.State != KataState.Broken)
        {
            Save(run.Kata, EntryOf(run.Kata) with { Fingerprint = Fingerprint(run.Kata), Passed = run.Passed });
        }
    }

    public int HintsShown(CourseKata kata) => EntryOf(kata).Hints;

    /// <summary>Shows one more hint: returns how many are shown now.</summary>
    public int ShowOneMoreHint(CourseKata kata) =>
        Save(kata, EntryOf(kata) with { Hints = Math.Min(kata.Hints.Count, HintsShown(kata) + 1) }).Hints;

    public void Forget(CourseKata kata) => Save(kata, new Entry());

    private Entry Save(CourseKata kata, Entry entry)
    {
        _katas[kata.Id] = entry;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, JsonSerializer.Serialize(_katas));
        return entry;
    }

    // The kata's files, and its test file, exactly as they are now.
    private string Fingerprint(CourseKata kata) =>
        Hash(root, kata.KataPaths.Append($"tests/{kata.Section}.Tests/{kata.TestClass}.cs").Select(path => Path.Combine(root, path)));

    /// <summary>A hash of the files' names (from <paramref name="root"/>) and contents; a missing file counts as empty.</summary>
    public static string Hash(string root, IEnumerable<string> files) =>
        Convert.ToHexString(SHA256.HashData([.. files.SelectMany(file => Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file) + "\0")
            .Concat(File.Exists(file) ? File.ReadAllBytes(file) : []))]));
}
