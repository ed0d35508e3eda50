namespace Repository.Tests;

/// <summary>Finds the repository's files from the test's own location.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Katas.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Katas.sln not found above the test assembly.");
    }
}
