namespace Repository.Tests;

// The tools serve the course, and must not outgrow it: tools/ holds fewer lines than katas/ and solutions/ together.
// Counted as `git ls-files <folder> | xargs cat | wc -l` counts them: every line of every file, build output left out.
// When this fails, look for what a library, the BCL or another file already does before adding to the course.
public class ToolsSizeTests
{
    [Fact]
    public void The_tools_are_smaller_than_the_katas_and_the_solutions_together()
    {
        var (tools, katas, solutions) = (Lines("tools"), Lines("katas"), Lines("solutions"));

        Assert.True(tools < katas + solutions,
            $"tools/ has {tools} lines, more than katas/ ({katas}) and solutions/ ({solutions}) together ({katas + solutions}).");
    }

    private static int Lines(string folder) =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf(folder), "*", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(RepositoryFiles.Root, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Sum(path => File.ReadAllBytes(path).Count(b => b == (byte)'\n'));
}
