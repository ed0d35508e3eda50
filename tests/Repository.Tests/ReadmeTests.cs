using System.Text.RegularExpressions;

namespace Repository.Tests;

// The README is the learner's map: its mirror table must name every kata, and nothing half-written may ship.
public class ReadmeTests
{
    [Fact]
    public void The_mirror_table_names_every_kata()
    {
        var readme = RepositoryFiles.Read("README.md");

        var missing = KataTestFiles.All()
            .Where(kata => !readme.Contains($"`{kata.TestClass}`") && !readme.Contains($"`{kata.TestClass[..^"Tests".Length]}`"))
            .Select(kata => $"{kata.Folder}/{kata.TestClass}")
            .ToList();

        Assert.True(missing.Count == 0,
            $"README.md's table \"What maps to what\" has no row for: {string.Join(", ", missing)}. Add one per kata.");
    }

    [Fact]
    public void Has_no_placeholder_left_in_it()
    {
        var placeholders = Regex.Matches(RepositoryFiles.Read("README.md"), @"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\s*$", RegexOptions.Multiline)
            .Select(match => match.Value.Trim())
            .ToList();

        Assert.True(placeholders.Count == 0, $"README.md still holds placeholder lines: {string.Join(", ", placeholders)}");
    }
}
