using System.Runtime.CompilerServices;

// Internal on purpose: this helper exists only on the kata side, so that
// katas/ and solutions/ still expose exactly the same public API.
internal static class Todo
{
    /// <summary>
    /// The exception every untouched stub throws. Its message tells you which kata
    /// this is, which file to edit and which notebook cell explains the technique.
    /// </summary>
    /// <param name="notebook">The notebook file, for example <c>01-generators.dib</c>.</param>
    /// <param name="cell">The cell to read, as its first line names it, for example <c>In [6]</c>.</param>
    public static NotImplementedException Kata(
        string notebook,
        string cell,
        [CallerFilePath] string file = "",
        [CallerMemberName] string member = "")
    {
        var path = RepositoryPath(file);
        var kata = Path.GetFileNameWithoutExtension(path);
        var section = Path.GetFileName(Path.GetDirectoryName(path)) ?? "";
        return new NotImplementedException(
            $"Kata {section}/{kata}: {member} is waiting for you. " +
            $"Edit {path}. " +
            $"Read notebooks/{notebook}, the cell that starts with '// {cell}', to see the technique.");
    }

    // Turns /home/me/repo/katas/01-Generators/Squares.cs into katas/01-Generators/Squares.cs.
    private static string RepositoryPath(string file)
    {
        var normalized = file.Replace('\\', '/');
        var at = normalized.LastIndexOf("/katas/", StringComparison.Ordinal);
        return at >= 0 ? normalized[(at + 1)..] : normalized;
    }
}
