using System.Runtime.CompilerServices;

namespace Generators.Tests;

/// <summary>
/// An exception thrown on a thread that a kata started itself cannot reach a test, and it ends the whole test
/// run. Before that happens, say in one line what went wrong, so the learner is not left with a bare crash.
/// </summary>
internal static class HostCrashGuard
{
#pragma warning disable CA2255 // A test assembly is exactly where a module initializer belongs.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install() =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            Console.Error.WriteLine(
                $"01-Generators: a kata threw {(e.ExceptionObject as Exception)?.GetType().Name} (\"{(e.ExceptionObject as Exception)?.Message}\") " +
                "on a thread of its own, which stops the " +
                "whole test run. Iterators need no threads: write the loop with yield return (or await) so it runs on the consumer's thread.");
}
