using System.Diagnostics;

namespace Broker;

internal static class Ownership
{
    /// <summary>Lets the rabbitmq user (which Debian's wrapper switches to) enter the root and own the server's folder.</summary>
    public static void GiveToRabbitmqUser(string root, string directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                       UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
                                       UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", "rabbitmq:rabbitmq", directory])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("Could not run chown");
        var error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown rabbitmq {directory} failed: {error.Trim()}");
        }
    }
}
