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
internal sealed class LearnerProgress
{
    private readonly string _root;
    private readonly string _path;
    private readonly Dictionary<string, Entry> _entries;

    internal sealed record Entry(string Fingerprint, bool Passed);

    private sealed record Stored(Dictionary<string, Entry> Results, Dictionary<string, int> Hints);

    private readonly Dictionary<string, int> _hints;

    public LearnerProgress(string root)
    {
        _root = root;
        _path = Path.Combine(root, "artifacts", "coach", "progress.json");
        var stored = File.Exists(_path) ? TryRead(_path) : null;
        _entries = stored?.Results ?? new();
        _hints = stored?.Hints ?? new();
    }

    private static Stored? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Stored>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null; // a damaged file only costs a rerun
        }
    }

    /// <summary>True or false when known for the files as they are now; null when the tests must run to tell.</summary>
    public bool? Known(CourseKata kata)
    {
        if (_entries.TryGetValue(kata.Id, out var entry) && entry.Fingerprint == Fingerprint(kata))
        {
            return entry.Passed;
        }
        return IsUntouched(kata) ? false : null;
    }

    /// <summary>A kata is not started while one of its files still throws Todo.Kata(): its tests cannot pass.</summary>
    public bool IsUntouched(CourseKata kata) =>
        kata.KataPaths.Any(path => File.Exists(Path.Combine(_root, path)) && File.ReadAllText(Path.Combine(_root, path)).Contains("Todo.Kata(", StringComparison.Ordinal));

    public void Record(KataRun run)
    {
        if (run.State is KataState.Passed or KataState.Failed or KataState.DoesNotCompile)
        {
            _entries[run.Kata.Id] = new Entry(Fingerprint(run.Kata), run.Passed);
            Save();
        }
    }

    public int HintsShown(CourseKata kata) => _hints.GetValueOrDefault(kata.Id);

    /// <summary>Shows one more hint: returns how many are shown now.</summary>
    public int ShowOneMoreHint(CourseKata kata)
    {
        var shown = Math.Min(kata.Hints.Count, HintsShown(kata) + 1);
        _hints[kata.Id] = shown;
        Save();
        return shown;
    }

    public void Forget(CourseKata kata)
    {
        _entries.Remove(kata.Id);
        _hints.Remove(kata.Id);
        Save();
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.WriteAllText(_path, JsonSerializer.Serialize(new Stored(_entries, _hints)));
    }

    // The kata's files, and its test file, exactly as they are now.
    private string Fingerprint(CourseKata kata)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in kata.KataPaths.Append($"tests/{kata.Section}.Tests/{kata.TestClass}.cs"))
        {
            var full = Path.Combine(_root, path);
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            if (File.Exists(full))
            {
                hash.AppendData(File.ReadAllBytes(full));
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
