namespace KataCheck;

/// <summary>
/// What one section needs to try wrong answers quickly: the section's tests built once in solution mode, copied into
/// folders of their own, one for each answer tried at the same time, and the compiler inputs of the solution project.
/// </summary>
public sealed record SectionBuild(string Section, IReadOnlyList<string> RunDirectories, string TestAssemblyName, CompileInputs Inputs, string? CoyoteRewriter)
{
    public static SectionBuild Prepare(string root, string section, string workFolder, int copies)
    {
        var (testAssembly, coyoteRewriter) = MsBuildQuery.BuildTests(root, section);
        var solutionProject = Directory.GetFiles(Path.Combine(root, "solutions", section), "*.csproj").Single();
        var inputs = CompileInputs.Read(root, solutionProject, "-p:KataSource=Solutions");

        var runDirectories = Enumerable.Range(1, copies).Select(n => Path.Combine(workFolder, section, $"run{n}")).ToList();
        foreach (var runDirectory in runDirectories)
        {
            if (Directory.Exists(runDirectory))
            {
                Directory.Delete(runDirectory, recursive: true);
            }
            MsBuildQuery.CopyFolder(Path.GetDirectoryName(testAssembly)!, runDirectory);
        }
        return new SectionBuild(section, runDirectories, Path.GetFileName(testAssembly), inputs, coyoteRewriter);
    }

    /// <summary>The solution's sources with the one the answer replaces swapped for it, or null when it replaces none.</summary>
    public IReadOnlyList<string>? SourcesWith(WrongAnswer answer)
    {
        var replaced = Path.GetFullPath(Path.Combine(Inputs.ProjectFolder, answer.Replaces));
        return Inputs.Sources.Contains(replaced)
            ? Inputs.Sources.Select(source => source == replaced ? answer.Path : source).ToList()
            : null;
    }
}
