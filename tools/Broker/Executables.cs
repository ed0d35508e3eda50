namespace Broker;

internal static class Executables
{
    /// <summary>Finds a program on the PATH; also looks in the sbin folders, which a non-root PATH often lacks.</summary>
    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var folders = path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/sbin", "/sbin"]);
        return FirstExisting(folders.Select(folder => Path.Combine(folder, name)).ToArray());
    }

    public static string? FirstExisting(params string[] candidates) => candidates.FirstOrDefault(File.Exists);
}
