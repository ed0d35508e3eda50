namespace KataCheck;

/// <summary>What the C# compiler needs to build a project the way MSBuild does: its sources, references and options.</summary>
public sealed record CompileInputs(
    string AssemblyName,
    string ProjectFolder,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> References,
    IReadOnlyList<string> DefineConstants,
    string LangVersion,
    bool NullableEnabled,
    IReadOnlyList<string> NoWarn,
    bool IsExecutable)
{
    /// <summary>
    /// Asks MSBuild with the compiler switched off (SkipCompilerExecution: everything up to the compiler runs, such as
    /// resolving references and generating files, but not the compiler itself), so that asking works even while the
    /// project's own code does not compile.
    /// </summary>
    public static CompileInputs Read(string root, string project, params string[] properties)
    {
        var answer = MsBuildQuery.Run(root, project, [.. properties, "-t:Compile", "-p:SkipCompilerExecution=true",
            "-getItem:Compile", "-getItem:ReferencePathWithRefAssemblies",
            "-getProperty:AssemblyName", "-getProperty:DefineConstants", "-getProperty:LangVersion", "-getProperty:Nullable",
            "-getProperty:NoWarn", "-getProperty:OutputType"]);
        var values = answer.GetProperty("Properties");
        var folder = Path.GetDirectoryName(Path.GetFullPath(project))!;
        List<string> Paths(string item) =>
            answer.GetProperty("Items").GetProperty(item).EnumerateArray()
                .Select(entry => Path.GetFullPath(entry.GetProperty("Identity").GetString()!, folder))
                .ToList();
        string Value(string name) => values.GetProperty(name).GetString()!;
        return new CompileInputs(
            AssemblyName: Value("AssemblyName"),
            ProjectFolder: folder,
            Sources: Paths("Compile"),
            References: Paths("ReferencePathWithRefAssemblies"),
            DefineConstants: Value("DefineConstants").Split(';', StringSplitOptions.RemoveEmptyEntries),
            LangVersion: Value("LangVersion"),
            NullableEnabled: Value("Nullable") == "enable",
            NoWarn: Value("NoWarn").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            // Sections 2 and 4: the assembly is also the given program their tests start, so it keeps its entry point.
            IsExecutable: Value("OutputType") is "Exe" or "WinExe");
    }
}
