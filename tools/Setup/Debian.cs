using System.ComponentModel;
using CliWrap;

namespace Setup;

/// <summary>Installing Debian's (or Ubuntu's) rabbitmq-server package, without starting its system-wide instance.</summary>
internal static class Debian
{
    private const string PolicyFile = "/usr/sbin/policy-rc.d";

    public static bool IsDebianLike() => OperatingSystem.IsLinux() && File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");

    /// <summary>
    /// apt-get install rabbitmq-server, as root or through sudo (which may ask for the password), with a policy-rc.d that
    /// forbids starting services for the duration: the package would otherwise start a broker for the whole machine,
    /// listening on every interface. The tests start their own, on loopback, when they need one.
    /// </summary>
    public static async Task<bool> InstallRabbitMqAsync()
    {
        var madePolicy = !File.Exists(PolicyFile);
        if (madePolicy && !await RunAsync("sh", "-c", $"printf '#!/bin/sh\\nexit 101\\n' > {PolicyFile} && chmod +x {PolicyFile}"))
        {
            return false;
        }
        try
        {
            return await RunAsync("apt-get", "update", "-qq") &&
                   await RunAsync("env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "rabbitmq-server");
        }
        finally
        {
            if (madePolicy)
            {
                await RunAsync("rm", "-f", PolicyFile);
            }
        }
    }

    /// <summary>Runs a program as root (through sudo unless we are root), its output shown; true when it succeeds.</summary>
    private static async Task<bool> RunAsync(string program, params string[] arguments)
    {
        var command = Environment.IsPrivilegedProcess ? Cli.Wrap(program).WithArguments(arguments) : Cli.Wrap("sudo").WithArguments([program, .. arguments]);
        try
        {
            var shown = command.WithValidation(CommandResultValidation.None) | (PipeTarget.ToStream(Console.OpenStandardOutput()), PipeTarget.ToStream(Console.OpenStandardError()));
            return (await shown.ExecuteAsync()).ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false; // no sudo
        }
    }
}
