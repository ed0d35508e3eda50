using System.Runtime.CompilerServices;
using Course;

// Internal on purpose: this helper exists only on the kata side, so that
// katas/ and solutions/ still expose exactly the same public API.
internal static class Todo
{
    /// <summary>
    /// The exception every untouched stub throws. Its message tells you which kata this is, which file
    /// to edit and which notebook cell explains the technique. Those facts come from katas/course.json,
    /// the one place that describes the katas, found from this source file's own path.
    /// </summary>
    public static NotImplementedException Kata(
        [CallerFilePath] string file = "",
        [CallerMemberName] string member = "")
    {
        var path = RepositoryPath(file);
        var type = Path.GetFileNameWithoutExtension(path);
        var what = member.Contains(' ') ? $"{type}: {member}" : $"{type}.{member}";
        var course = TryLoadCourse(file);
        var kata = course?.FirstEditing(path);
        if (course is null || kata is null)
        {
            return new NotImplementedException($"{what} is waiting for you. Edit {path}.");
        }

        var section = course.SectionOf(kata);
        var place = course.Position(kata);
        var count = course.InSection(kata.Section).Count();
        // Section 4's titles already say "Task N of M: ...".
        var title = kata.Title.StartsWith("Task ", StringComparison.Ordinal) ? kata.Title : $"{place} of {count}, {kata.Title}";
        return new NotImplementedException(
            $"Kata {kata.Section}/{kata.Id} ({title}): {what} is waiting for you. " +
            $"Edit {path}. " +
            $"Read notebooks/{section.Notebook}, the cell that starts with '// {kata.Cell}', to see the technique. " +
            $"For a hint: dotnet run --project tools/Coach -- hint {kata.Id}");
    }

    private static CourseManifest? TryLoadCourse(string sourceFile)
    {
        try
        {
            var root = CourseManifest.FindRoot(Path.GetDirectoryName(sourceFile) ?? ".");
            return root is null ? null : CourseManifest.Load(root);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException)
        {
            // The message is a courtesy: without the manifest it still names the file.
            return null;
        }
    }

    // Turns /home/me/repo/katas/01-Generators/Squares.cs into katas/01-Generators/Squares.cs.
    private static string RepositoryPath(string file)
    {
        var normalized = file.Replace('\\', '/');
        var at = normalized.LastIndexOf("/katas/", StringComparison.Ordinal);
        return at >= 0 ? normalized[(at + 1)..] : normalized;
    }
}
