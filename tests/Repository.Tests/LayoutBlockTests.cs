using System.Text.RegularExpressions;

namespace Repository.Tests;

// The layout blocks of the README and CONTRIBUTING are drawn from the tree: each names every top-level folder of
// katas/, solutions/, tests/ and tools/ that exists, and nothing that does not. A section's folders are named once,
// as a pattern (katas/NN-Section/ stands for 01-Generators, 02-ThreadsAndProcesses, ...).
public partial class LayoutBlockTests
{
    private static readonly string[] Parents = ["katas", "solutions", "tests", "tools"];

    [Theory]
    [InlineData("README.md", "## Repository layout")]
    [InlineData("CONTRIBUTING.md", "## Layout, one section at a time")]
    public void The_layout_block_names_every_folder_that_exists_and_nothing_else(string file, string heading)
    {
        var entries = LayoutEntries(RepositoryFiles.Read(file), heading);
        var folders = Parents.SelectMany(TopLevelFolders).ToList();

        var unnamed = folders.Where(folder => !entries.Any(entry => Matches(entry, folder))).ToList();
        var stale = entries
            .Where(entry => !File.Exists(RepositoryFiles.PathOf(entry)))
            .Where(entry => !folders.Any(folder => Matches(entry, folder)))
            .ToList();

        Assert.True(unnamed.Count == 0 && stale.Count == 0,
            $"{file}'s block under \"{heading}\" must follow the tree.\n" +
            $"Folders it leaves out: {string.Join(", ", unnamed)}\nEntries naming nothing that exists: {string.Join(", ", stale)}");
    }

    // The first word of each line of the first code block under the heading, when it is a path in one of the parents,
    // cut to its top-level folder: "katas/NN-Section/Given/" gives "katas/NN-Section", "katas/course.json" stays a file.
    private static List<string> LayoutEntries(string markdown, string heading)
    {
        var block = markdown[markdown.IndexOf(heading, StringComparison.Ordinal)..].Split("```")[1];
        return block.Split('\n')
            .Select(line => line.Split(' ', 2)[0].Trim())
            .Where(word => Parents.Any(parent => word.StartsWith(parent + "/", StringComparison.Ordinal)))
            .Select(word => string.Join('/', word.Split('/').Take(2)))
            .Where(entry => !entry.EndsWith('/'))
            .Distinct()
            .ToList();
    }

    // Folders that hold at least one file outside build output: an empty folder left by a build is not part of the tree.
    private static IEnumerable<string> TopLevelFolders(string parent) =>
        Directory.GetDirectories(RepositoryFiles.PathOf(parent))
            .Where(folder => !Path.GetFileName(folder).StartsWith('.'))
            .Where(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Any(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")))
            .Select(folder => $"{parent}/{Path.GetFileName(folder)}")
            .Order(StringComparer.Ordinal);

    // "tests/NN-Section.Tests" matches "tests/01-Generators.Tests"; any other entry matches only itself.
    private static bool Matches(string entry, string folder) =>
        entry == folder || (entry.Contains("NN-", StringComparison.Ordinal)
            && Regex.IsMatch(folder, "^" + SectionPattern().Replace(Regex.Escape(entry), @"\d\d-[A-Za-z]+") + "$"));

    [GeneratedRegex(@"NN-[A-Za-z]+")]
    private static partial Regex SectionPattern();
}
