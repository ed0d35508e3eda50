using System.Text.RegularExpressions;

namespace KataCheck;

/// <summary>
/// One file of the wrong-answer corpus: tests/WrongAnswers/NN-Section/Kata/slug.cs, a complete replacement for one
/// file of solutions/NN-Section/ that gives the right values on simple inputs but teaches the wrong technique.
/// Its header says what it does, which file it replaces, who found it and why it fails (for the learner).
/// </summary>
public sealed record WrongAnswer(
    string Path,
    string Section,
    string Kata,
    string Slug,
    string Description,
    string Replaces,
    string FoundBy,
    string WhyItFails)
{
    public const string CorpusFolder = "tests/WrongAnswers";

    /// <summary>The test class that must reject it: the kata's name plus Tests.</summary>
    public string TestClass => Kata + "Tests";

    public string Id => $"{Section}/{Kata}/{Slug}";

    public static IReadOnlyList<WrongAnswer> ReadCorpus(string root) =>
        Directory.Exists(System.IO.Path.Combine(root, CorpusFolder))
            ? Directory.EnumerateFiles(System.IO.Path.Combine(root, CorpusFolder), "*.cs", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(file => Read(root, file))
                .ToList()
            : [];

    /// <summary>Reads one corpus file, or fails with a message that names the file and the missing header line.</summary>
    public static WrongAnswer Read(string root, string file)
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

        return new WrongAnswer(
            file,
            Section: parts[0],
            Kata: parts[1],
            Slug: System.IO.Path.GetFileNameWithoutExtension(parts[2]),
            Description: Field("Wrong answer"),
            Replaces: Field("Replaces"),
            FoundBy: Field("Found by"),
            WhyItFails: Field("Why it fails"));
    }
}
