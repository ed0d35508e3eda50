namespace Notebooks.Tests;

/// <summary>Finds the repository and its notebooks, wherever the tests run from.</summary>
internal static class Repository
{
    public static readonly string Root = Course.CourseManifest.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds katas/course.json.");

    public static string NotebooksFolder => Path.Combine(Root, "notebooks");

    public static string FixturesFolder => Path.Combine(Root, "tests", "Notebooks.Tests", "Fixtures");

    /// <summary>The notebooks as "01-generators" (file names without .dib): a new file is picked up with no test edit.</summary>
    public static IEnumerable<string> NotebookNames =>
        Directory.Exists(NotebooksFolder)
            ? Directory.GetFiles(NotebooksFolder, "*.dib").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)
            : [];

    public static string NotebookPath(string name) => Path.Combine(NotebooksFolder, name + ".dib");

    public static string IpynbPath(string name) => Path.Combine(NotebooksFolder, name + ".ipynb");

    /// <summary>The committed snapshot of a notebook's run (see NotebookTests).</summary>
    public static string SnapshotPath(string name) =>
        Path.Combine(Root, "tests", "Notebooks.Tests", "__snapshots__", $"NotebookTests.Runs_green_and_prints_what_its_snapshot_holds_{name}.snap");

    /// <summary>A path as messages show it: relative to the repository, with forward slashes.</summary>
    public static string Display(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
