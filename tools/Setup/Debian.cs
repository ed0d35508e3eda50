namespace Setup;

/// <summary>Installing Debian's (or Ubuntu's) rabbitmq-server package, without starting its system-wide instance.</summary>
internal static class Debian
{
    private const string PolicyFile = "/usr/sbin/policy-rc.d";

    public static bool IsDebianLike() => File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");

    /// <summary>True as root, or when sudo works (then <paramref name="sudo"/> is true): without asking, or, at a terminal, after asking for the password.</summary>
    public static bool CanInstall(out bool sudo)
    {
        sudo = false;
        if (Environment.UserName == "root" || IsRootById())
        {
            return true;
        }
        sudo = Shell.Succeeds("sudo", "-n", "true");
        if (!sudo && !Console.IsInputRedirected && Shell.Succeeds("sh", "-c", "command -v sudo"))
        {
            Console.WriteLine("setup: installing rabbitmq-server needs sudo, which may ask for your password.");
            sudo = Shell.Run("sudo", "-v") == 0;
        }
        return sudo;
    }

    /// <summary>
    /// apt-get install rabbitmq-server, with a policy-rc.d that forbids starting services for the duration: the package
    /// would otherwise start a broker for the whole machine, listening on every interface. The tests start their own,
    /// on loopback, when they need one.
    /// </summary>
    public static int InstallRabbitMq(bool sudo)
    {
        var madePolicy = false;
        if (!File.Exists(PolicyFile))
        {
            if (As(sudo, "sh", "-c", $"printf '#!/bin/sh\\nexit 101\\n' > {PolicyFile} && chmod +x {PolicyFile}") != 0)
            {
                return 1;
            }
            madePolicy = true;
        }
        try
        {
            var updated = As(sudo, "apt-get", "update", "-qq");
            return updated != 0 ? updated : As(sudo, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "rabbitmq-server");
        }
        finally
        {
            if (madePolicy)
            {
                As(sudo, "rm", "-f", PolicyFile);
            }
        }
    }

    private static int As(bool sudo, string program, params string[] arguments) =>
        sudo ? Shell.Run("sudo", [program, .. arguments]) : Shell.Run(program, arguments);

    private static bool IsRootById()
    {
        // Environment.UserName can be empty in a container; /proc tells the effective user for sure.
        try
        {
            return File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("Uid:", StringComparison.Ordinal))
                ?.Split('\t', StringSplitOptions.RemoveEmptyEntries) is [_, _, "0", ..];
        }
        catch (IOException)
        {
            return false;
        }
    }
}
