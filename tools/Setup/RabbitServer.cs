namespace Setup;

/// <summary>Where an installed rabbitmq-server is (the same places tools/Broker looks).</summary>
internal static class RabbitServer
{
    public static string? Installed()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/sbin", "/sbin", "/opt/homebrew/sbin"])
            .Select(folder => Path.Combine(folder, "rabbitmq-server"))
            .FirstOrDefault(File.Exists);
    }
}
