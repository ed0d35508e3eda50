namespace Repository.Tests;

/// <summary>Finds the repository's files from the test's own location.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = Course.CourseManifest.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("katas/course.json not found above the test assembly.");

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The C# files under a folder, as paths relative to it with '/', leaving out build output (bin/, obj/).</summary>
    public static List<string> SourceFiles(string relative)
    {
        var root = PathOf(relative);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(folder => folder is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
