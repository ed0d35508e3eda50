using System.Text.RegularExpressions;

namespace Repository.Tests;

/// <summary>
/// The kata test files: each starts with a comment <c>// Kata N: ...</c> (see CONTRIBUTING.md). CourseManifestTests
/// holds them to katas/course.json, which is where tools/KataCheck and the coach count katas.
/// </summary>
public static partial class KataTestFiles
{
    /// <summary>Every kata test file, as (section test folder, test class name, file text).</summary>
    public static IEnumerable<(string Folder, string TestClass, string Text)> All() =>
        Directory.GetDirectories(RepositoryFiles.PathOf("tests"))
            .Where(dir => SectionFolder().IsMatch(Path.GetFileName(dir)))
            .SelectMany(dir => Directory.EnumerateFiles(dir, "*Tests.cs"))
            .Select(file => (Folder: Path.GetFileName(Path.GetDirectoryName(file)!), TestClass: Path.GetFileNameWithoutExtension(file), Text: File.ReadAllText(file)))
            .Where(file => KataHeader().IsMatch(file.Text))
            .OrderBy(file => file.Folder, StringComparer.Ordinal)
            .ThenBy(file => file.TestClass, StringComparer.Ordinal);

    [GeneratedRegex(@"^\d\d-.+\.Tests$")]
    private static partial Regex SectionFolder();

    [GeneratedRegex(@"^// Kata \d+:", RegexOptions.Multiline)]
    private static partial Regex KataHeader();
}
