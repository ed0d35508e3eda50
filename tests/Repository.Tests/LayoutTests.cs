using System.Text.RegularExpressions;

namespace Repository.Tests;

// The layout that every section copies: one kata project, one solution project and one test project,
// katas and solutions mirrored file for file, and every project in Katas.slnx.
public class LayoutTests
{
    public static TheoryData<string> Sections()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepositoryFiles.PathOf("katas")).Order(StringComparer.Ordinal))
        {
            if (Regex.IsMatch(Path.GetFileName(dir), @"^\d\d-"))
            {
                data.Add(Path.GetFileName(dir));
            }
        }
        return data;
    }

    // Code that is given, not a kata, lives once in katas/NN-Section/Given/ and the solution project links it,
    // so the two sides cannot drift apart.
    private const string Given = "Given/";

    [Theory]
    [MemberData(nameof(Sections))]
    public void Katas_and_solutions_mirror_each_other_file_for_file(string section)
    {
        var katas = RepositoryFiles.SourceFiles(Path.Combine("katas", section)).Where(file => !file.StartsWith(Given, StringComparison.Ordinal));
        var solutions = RepositoryFiles.SourceFiles(Path.Combine("solutions", section));

        Assert.Equal(katas, solutions);
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Given_code_is_shared_by_katas_and_solutions_not_copied(string section)
    {
        var given = RepositoryFiles.SourceFiles(Path.Combine("katas", section)).Where(file => file.StartsWith(Given, StringComparison.Ordinal)).ToList();
        if (given.Count == 0)
        {
            return;
        }

        Assert.DoesNotContain(given, file => File.ReadAllText(RepositoryFiles.PathOf(Path.Combine("katas", section, file))).Contains("Todo.Kata("));
        // One link for every section, in solutions/Directory.Build.props; no solution folder keeps a copy.
        Assert.Contains("../katas/$(SectionFolder)/Given/**/*.cs", RepositoryFiles.Read("solutions/Directory.Build.props"));
        var copies = RepositoryFiles.SourceFiles(Path.Combine("solutions", section)).Intersect(given.Select(file => file[Given.Length..])).ToList();
        Assert.True(copies.Count == 0, $"solutions/{section} keeps copies of given code ({string.Join(", ", copies)}): delete them, the solution project links katas/{section}/Given/.");
    }

    [Theory]
    [MemberData(nameof(Sections))]
    public void Each_section_has_a_test_project(string section)
    {
        Assert.True(Directory.Exists(RepositoryFiles.PathOf(Path.Combine("tests", section + ".Tests"))),
            $"tests/{section}.Tests is missing");
    }

    [Fact]
    public void Every_kata_test_file_lists_the_wrong_answers_it_rejects()
    {
        var silent = KataTestFiles.All()
            .Where(kata => !kata.Text.Contains("// Wrong answers these tests reject", StringComparison.Ordinal))
            .Select(kata => $"{kata.Folder}/{kata.TestClass}.cs")
            .ToList();

        Assert.True(silent.Count == 0,
            $"These kata test files do not say which wrong answers they reject (CONTRIBUTING.md, rule 2): {string.Join(", ", silent)}");
    }

    [Fact]
    public void Katas_slnx_lists_every_project_and_nothing_else()
    {
        var listed = System.Xml.Linq.XDocument.Parse(RepositoryFiles.Read("Katas.slnx"))
            .Descendants("Project")
            .Select(project => project.Attribute("Path")!.Value.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var projects = Directory.EnumerateFiles(RepositoryFiles.Root, "*.csproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path).Replace('\\', '/'))
            .Where(path => !path.StartsWith("artifacts/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(listed.SequenceEqual(projects),
            $"Katas.slnx and the tree disagree.\nNot listed (dotnet sln Katas.slnx add ...): {string.Join(", ", projects.Except(listed))}\n" +
            $"Listed but missing: {string.Join(", ", listed.Except(projects))}");
        Assert.False(File.Exists(RepositoryFiles.PathOf("Katas.sln")), "Katas.slnx is the solution file; remove Katas.sln.");
    }
}
