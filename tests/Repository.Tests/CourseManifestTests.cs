using System.Text.RegularExpressions;
using Course;

namespace Repository.Tests;

// katas/course.json is the one place that says what a kata is. These tests hold everything else to it:
// the test classes and files that exist, the notebook cells, the stubs, the README's tables and the notebooks' tables.
// When one fails, change the manifest first, then make the rest agree (the messages print the rows they expect).
public partial class CourseManifestTests
{
    private static readonly CourseManifest Course = CourseManifest.Load(RepositoryFiles.Root);

    [Fact]
    public void Every_kata_test_class_is_in_the_manifest_and_every_manifest_kata_has_its_test_class()
    {
        var onDisk = KataTestFiles.All().Select(kata => $"{kata.Folder[..^".Tests".Length]}/{kata.TestClass}").Order(StringComparer.Ordinal).ToList();
        var inManifest = Course.Katas.Select(kata => $"{kata.Section}/{kata.TestClass}").Order(StringComparer.Ordinal).ToList();

        Assert.True(onDisk.SequenceEqual(inManifest),
            $"The kata test classes and katas/course.json disagree.\nOnly on disk: {string.Join(", ", onDisk.Except(inManifest))}\nOnly in the manifest: {string.Join(", ", inManifest.Except(onDisk))}");
    }

    [Fact]
    public void Every_kata_has_a_known_section_its_files_on_both_sides_and_hints_that_end_in_a_recipe()
    {
        var problems = new List<string>();
        foreach (var kata in Course.Katas)
        {
            if (Course.Sections.All(s => s.Id != kata.Section))
            {
                problems.Add($"{kata.Id}: no section {kata.Section}");
            }

            problems.AddRange(kata.KataPaths.Concat(kata.SolutionPaths).Where(path => !File.Exists(RepositoryFiles.PathOf(path))).Select(path => $"{kata.Id}: {path} does not exist"));
            if (kata.Hints.Count < 2 || kata.Hints.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"{kata.Id}: needs at least two hints (a nudge, ..., the recipe), none empty");
            }

            if (string.IsNullOrWhiteSpace(kata.Title) || string.IsNullOrWhiteSpace(kata.Checks) || string.IsNullOrWhiteSpace(kata.Practises))
            {
                problems.Add($"{kata.Id}: title, checks and practises are all needed");
            }
        }
        Assert.True(Course.Katas.Select(k => k.Id).Distinct().Count() == Course.Katas.Count, "Two katas share an id.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_kata_names_a_cell_of_its_notebook()
    {
        var broken = Course.Katas
            .Where(kata => !File.ReadLines(RepositoryFiles.PathOf($"notebooks/{Course.SectionOf(kata).Notebook}")).Any(line => line.Trim() == $"// {kata.Cell}"))
            .Select(kata => $"{kata.Id} points to '// {kata.Cell}' in notebooks/{Course.SectionOf(kata).Notebook}, which has no such cell")
            .ToList();

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public void Every_stub_file_belongs_to_a_kata_and_leaves_the_facts_and_the_recipe_to_the_manifest()
    {
        var stubs = Course.Sections
            .SelectMany(section => RepositoryFiles.SourceFiles($"katas/{section.Id}").Where(file => !file.StartsWith("Given/", StringComparison.Ordinal)).Select(file => $"katas/{section.Id}/{file}"))
            .Select(path => (Path: path, Text: RepositoryFiles.Read(path)))
            .Where(stub => stub.Text.Contains("Todo.Kata(", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(stubs);

        var problems = stubs.Where(stub => Course.FirstEditing(stub.Path) is null).Select(stub => $"{stub.Path} is in no kata's files in katas/course.json")
            .Concat(stubs.Where(stub => OldStyleCall().IsMatch(stub.Text)).Select(stub => $"{stub.Path} passes a notebook and cell to Todo.Kata: write Todo.Kata(), the manifest knows them"))
            .Concat(stubs.Where(stub => Recipe().IsMatch(stub.Text)).Select(stub => $"{stub.Path} gives the recipe in a TODO remark: move it to the kata's last hint in katas/course.json"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_readme_tables_are_the_manifest_s_rows_in_course_order()
    {
        var readme = RepositoryFiles.Read("README.md");
        var problems = new List<string>();
        foreach (var section in Course.Sections)
        {
            var expected = Course.InSection(section.Id).Select(ReadmeRow).ToList();
            var actual = TableRows(readme, $"### {int.Parse(section.Id[..2])}. ", expected.Count);
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"README.md, section {section.Id}: the table's kata rows must be, in this order:\n{string.Join("\n", expected)}\nbut they are:\n{string.Join("\n", actual)}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void The_notebooks_your_turn_tables_are_the_manifest_s_rows_in_course_order()
    {
        var problems = new List<string>();
        foreach (var section in Course.Sections)
        {
            var notebook = RepositoryFiles.Read($"notebooks/{section.Notebook}");
            var expected = Course.InSection(section.Id).Select(NotebookRow).ToList();
            var actual = TableRows(notebook, "Your turn", expected.Count);
            if (!expected.SequenceEqual(actual))
            {
                problems.Add($"notebooks/{section.Notebook}: the \"Your turn\" table must list, in this order:\n{string.Join("\n", expected)}\nbut it has:\n{string.Join("\n", actual)}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    [Fact]
    public void The_readme_and_the_notebook_say_that_section_4_is_five_tasks_of_one_library()
    {
        var section = Course.Sections.Single(s => s.Id.StartsWith("04-", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(section.Summary));
        var count = Course.InSection(section.Id).Count();
        Assert.Contains("tasks of one library", RepositoryFiles.Read("README.md"));
        Assert.Contains("five tasks of one library", RepositoryFiles.Read($"notebooks/{section.Notebook}"));
        Assert.All(Course.InSection(section.Id), kata => Assert.StartsWith($"Task {Course.Position(kata)} of {count}:", kata.Title));
    }

    // Section 4's katas share their files, so the README names them by test class; the other sections by kata.
    private static string ReadmeRow(CourseKata kata) =>
        $"| {kata.Talk} | `// {kata.Cell}` | `{(kata.Section.StartsWith("04-", StringComparison.Ordinal) ? kata.TestClass : kata.Id)}` | {kata.Checks} |";

    private static string NotebookRow(CourseKata kata) =>
        $"| `{(kata.Section.StartsWith("04-", StringComparison.Ordinal) ? kata.TestClass : kata.Id)}` | {kata.Practises} | `// {kata.Cell}` |";

    // The rows of the first table after the heading that contains `heading`, without its header and separator rows.
    private static List<string> TableRows(string text, string heading, int expected)
    {
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var at = lines.FindIndex(line => line.StartsWith('#') && line.Contains(heading, StringComparison.Ordinal));
        if (at < 0)
        {
            return [$"(no heading containing '{heading}')"];
        }
        return lines.Skip(at + 1).SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).Skip(2).ToList();
    }

    [GeneratedRegex(@"Todo\.Kata\(\s*""")]
    private static partial Regex OldStyleCall();

    [GeneratedRegex(@"<remarks>[^<]*TODO:", RegexOptions.Singleline)]
    private static partial Regex Recipe();
}
