using System.Runtime.CompilerServices;

namespace Coroutines.Tests;

/// <summary>
/// When an exception escapes on a thread that nobody awaits (an <c>async void</c> method, a thread started by
/// hand), .NET ends the whole test run and the learner sees only a stack trace. This prints one friendly line
/// first, so the cause is clear. The tests that can, run kata code under <see cref="CatchingContext"/> instead,
/// so that such an exception becomes an ordinary test failure.
/// </summary>
internal static class HostCrashGuard
{
    [ModuleInitializer]
    internal static void Install() =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
            Console.Error.WriteLine(
                "The test run crashed: an exception escaped where nobody could catch it " +
                $"({(e.ExceptionObject as Exception)?.GetType().Name}: {(e.ExceptionObject as Exception)?.Message}). " +
                "This happens with `async void` methods and with exceptions on threads you start yourself: " +
                "return a Task and await it instead.");
}
