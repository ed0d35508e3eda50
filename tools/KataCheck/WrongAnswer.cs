using System.Text.RegularExpressions;

namespace KataCheck;

/// <summary>
/// One file of the wrong-answer corpus: tests/WrongAnswers/NN-Section/Kata/slug.cs, a complete replacement for one
/// file of solutions/NN-Section/ that gives the right values on simple inputs but teaches the wrong technique.
/// Its header says what it does, which file it replaces, who found it and why it fails (for the learner).
/// </summary>
public sealed record WrongAnswer(string Path, string Section, string Kata, string Slug, string Description, string Replaces, string FoundBy, string WhyItFails)
{
    public const string CorpusFolder = "tests/WrongAnswers";

    public string Id => $"{Section}/{Kata}/{Slug}";

    /// <summary>Every answer of the corpus, in path order; a file that cannot be read fails with a message that names it and what it lacks.</summary>
    public static IReadOnlyList<WrongAnswer> ReadCorpus(string root)
    {
        var corpus = System.IO.Path.Combine(root, CorpusFolder);
        return Directory.Exists(corpus)
            ? Directory.EnumerateFiles(corpus, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(file => Read(root, file)).ToList()
            : [];
    }

    private static WrongAnswer Read(string root, string file)
    {
        var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
        var parts = relative[(CorpusFolder.Length + 1)..].Split('/');
        if (parts.Length != 3)
        {
            throw new FormatException($"{relative}: a wrong answer lives at {CorpusFolder}/NN-Section/Kata/slug.cs");
        }
        var header = File.ReadLines(file).TakeWhile(line => line.StartsWith("//", StringComparison.Ordinal)).ToList();
        string Field(string name) =>
            header.Select(line => Regex.Match(line, $@"^//\s*{name}:\s*(.+)$")).FirstOrDefault(m => m.Success)?.Groups[1].Value.Trim()
            ?? throw new FormatException($"{relative}: the header has no '// {name}: ...' line");
        return new WrongAnswer(file, parts[0], parts[1], System.IO.Path.GetFileNameWithoutExtension(parts[2]),
            Field("Wrong answer"), Field("Replaces"), Field("Found by"), Field("Why it fails"));
    }
}
