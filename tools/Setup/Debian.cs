using System.ComponentModel;
using CliWrap;

namespace Setup;

/// <summary>Installing Debian's (or Ubuntu's) rabbitmq-server package, without starting its system-wide instance.</summary>
internal static class Debian
{
    private const string PolicyFile = "/usr/sbin/policy-rc.d";

    public static bool IsDebianLike() => OperatingSystem.IsLinux() && File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");

    /// <summary>Whether we may install, and whether with sudo: as root, or when sudo works without asking or, at a terminal, after asking for the password.</summary>
    public static async Task<(bool Can, bool Sudo)> CanInstallAsync()
    {
        if (Environment.IsPrivilegedProcess)
        {
            return (true, false);
        }
        if (await RunAsync(false, quiet: true, "sudo", "-n", "true") == 0)
        {
            return (true, true);
        }
        if (Console.IsInputRedirected || !File.Exists("/usr/bin/sudo"))
        {
            return (false, false);
        }
        Console.WriteLine("setup: installing rabbitmq-server needs sudo, which may ask for your password.");
        return (await RunAsync(false, quiet: false, "sudo", "-v") == 0, true);
    }

    /// <summary>
    /// apt-get install rabbitmq-server, with a policy-rc.d that forbids starting services for the duration: the package
    /// would otherwise start a broker for the whole machine, listening on every interface. The tests start their own,
    /// on loopback, when they need one.
    /// </summary>
    public static async Task<int> InstallRabbitMqAsync(bool sudo)
    {
        var madePolicy = !File.Exists(PolicyFile);
        if (madePolicy && await RunAsync(sudo, quiet: false, "sh", "-c", $"printf '#!/bin/sh\\nexit 101\\n' > {PolicyFile} && chmod +x {PolicyFile}") != 0)
        {
            return 1;
        }
        try
        {
            var updated = await RunAsync(sudo, quiet: false, "apt-get", "update", "-qq");
            return updated != 0 ? updated : await RunAsync(sudo, quiet: false, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "rabbitmq-server");
        }
        finally
        {
            if (madePolicy)
            {
                await RunAsync(sudo, quiet: false, "rm", "-f", PolicyFile);
            }
        }
    }

    /// <summary>Runs a program (as root with sudo), its output shown or hidden; returns its exit code, 127 when it is not there.</summary>
    private static async Task<int> RunAsync(bool sudo, bool quiet, string program, params string[] arguments)
    {
        var command = (sudo ? Cli.Wrap("sudo").WithArguments([program, .. arguments]) : Cli.Wrap(program).WithArguments(arguments))
            .WithValidation(CommandResultValidation.None);
        try
        {
            return (await (quiet ? command : command | (PipeTarget.ToStream(Console.OpenStandardOutput()), PipeTarget.ToStream(Console.OpenStandardError()))).ExecuteAsync()).ExitCode;
        }
        catch (Win32Exception)
        {
            return 127;
        }
    }
}
