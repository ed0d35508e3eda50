using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace ThreadsAndProcesses.Tests;

/// <summary>
/// Catches exceptions that escape a thread the kata started. In .NET such an exception ends the whole
/// program, here the test run, with no test failing and nothing for the learner to read. This handler is
/// installed before any test runs: it prints one friendly line, keeps the exception, and lets only that
/// thread end, so that the test which started the thread can fail with a message saying what happened.
/// </summary>
public static class EscapedExceptions
{
    private static readonly ConcurrentQueue<Exception> Escaped = new();

#pragma warning disable CA2255 // A test assembly is the one place where a module initializer is what we want.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        try
        {
            ExceptionHandling.SetUnhandledExceptionHandler(Keep);
        }
        catch (InvalidOperationException)
        {
            // The test host already installed one: then a crash is reported by the host, as before.
        }
    }

    private static bool Keep(Exception exception)
    {
        Escaped.Enqueue(exception);
        Console.Error.WriteLine(
            $"An exception escaped a thread started by the kata and would have ended the whole program: " +
            $"{exception.GetType().Name}: {exception.Message}");
        return true;
    }

    /// <summary>Forgets what escaped before, so that one test never fails for another's thread.</summary>
    public static void Forget() => Escaped.Clear();

    /// <summary>Fails when an exception escaped a thread since <see cref="Forget"/>, saying which one and what to do.</summary>
    public static void AssertNone(string advice)
    {
        if (Escaped.TryPeek(out var first))
        {
            throw new Xunit.Sdk.XunitException(
                $"{first.GetType().Name} was thrown on a worker thread and nothing caught it ({first.Message}). " +
                $"An exception that escapes a thread ends the whole program. {advice}");
        }
    }
}
