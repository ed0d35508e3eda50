using System.Text.Json;

// The course manifest, katas/course.json, read the same way by everyone who needs it:
// the coach, the stubs' Todo.Kata (linked into every kata project), the maintainer check and the repository tests.
// Internal on purpose: linked into the kata assemblies, it must not change their public API.
namespace Course;

/// <summary>One section of the course: a notebook and the katas it teaches.</summary>
internal sealed record CourseSection(string Id, string Title, string Notebook, string? Summary);

/// <summary>One kata: what the learner edits, which tests judge it, where it is taught and how to get unstuck.</summary>
internal sealed record CourseKata(
    string Id,
    string Section,
    string Title,
    IReadOnlyList<string> Files,
    string TestClass,
    string Cell,
    string Talk,
    string Practises,
    string Checks,
    IReadOnlyList<string> Hints)
{
    /// <summary>The files to edit, as paths from the repository root: katas/01-Generators/SquareQueries.cs.</summary>
    public IEnumerable<string> KataPaths => Files.Select(file => $"katas/{Section}/{file}");

    /// <summary>The reference solutions of the same files.</summary>
    public IEnumerable<string> SolutionPaths => Files.Select(file => $"solutions/{Section}/{file}");

    /// <summary>The test classes that judge the kata: the course's (RpcTests) and its systematic tests (RpcSystematicTests), where it has them.</summary>
    public IReadOnlyList<string> TestClasses => [TestClass, Id + "SystematicTests"];
}

internal sealed record CourseManifest(IReadOnlyList<CourseSection> Sections, IReadOnlyList<CourseKata> Katas)
{
    public const string RelativePath = "katas/course.json";

    // The web defaults read camelCase names, ignoring case.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static CourseManifest Load(string root) =>
        JsonSerializer.Deserialize<CourseManifest>(File.ReadAllText(Path.Combine(root, RelativePath)), Options)
            ?? throw new InvalidDataException($"{RelativePath} is empty");

    /// <summary>The folder above <paramref name="start"/> that holds katas/course.json, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, RelativePath)))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    public CourseSection SectionOf(CourseKata kata) => Sections.Single(s => s.Id == kata.Section);

    public IEnumerable<CourseKata> InSection(string section) => Katas.Where(k => k.Section == section);

    /// <summary>The kata's place in its section, from 1.</summary>
    public int Position(CourseKata kata) => InSection(kata.Section).ToList().IndexOf(kata) + 1;

    /// <summary>Finds a kata by id (SquareQueries) or by test class (SquareQueriesTests), ignoring case.</summary>
    public CourseKata? Find(string name) =>
        Katas.FirstOrDefault(k => string.Equals(k.Id, name, StringComparison.OrdinalIgnoreCase)
                               || string.Equals(k.TestClass, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The first kata, in course order, that edits this file (katas/NN-Section/File.cs).</summary>
    public CourseKata? FirstEditing(string repositoryPath) =>
        Katas.FirstOrDefault(k => k.KataPaths.Contains(repositoryPath.Replace('\\', '/'), StringComparer.Ordinal));
}
