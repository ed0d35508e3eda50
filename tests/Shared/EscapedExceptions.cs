using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Xunit.Sdk;

/// <summary>
/// Catches exceptions that escape a thread nobody waits for: a thread or an <c>async void</c> method that a kata
/// started itself. In .NET such an exception ends the whole program, here the whole test run, with no test failing
/// and nothing for the learner to read. This handler (installed before any test runs) prints one line, keeps the
/// exception, and lets only that thread end. <see cref="FailWhenExceptionsEscapeAttribute"/> then fails the test that
/// was running, and a test that started the thread itself can say more with <see cref="AssertNone"/>.
/// </summary>
public static class EscapedExceptions
{
    private static readonly ConcurrentQueue<(int Number, Exception Exception)> Escaped = new();
    private static int _count;
    private static int _forgottenUpTo;

    /// <summary>How many exceptions have escaped since the test run started.</summary>
    public static int Count => Volatile.Read(ref _count);

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
            // Someone installed a handler first (a test host may): then a crash is reported as before.
        }
    }

    private static bool Keep(Exception exception)
    {
        Escaped.Enqueue((Interlocked.Increment(ref _count), exception));
        Console.Error.WriteLine(
            "An exception escaped a thread started by the kata and would have ended the whole program: " +
            $"{exception.GetType().Name}: {exception.Message}");
        return true;
    }

    /// <summary>Forgets what escaped before, so that one test never fails for another's thread.</summary>
    public static void Forget() => Volatile.Write(ref _forgottenUpTo, Count);

    /// <summary>Fails when an exception escaped a thread since <see cref="Forget"/>, saying which one and what to do.</summary>
    public static void AssertNone(string advice)
    {
        if (FirstAfter(Volatile.Read(ref _forgottenUpTo)) is { } first)
        {
            throw new XunitException(Describe(first) + " " + advice);
        }
    }

    /// <summary>The first exception that escaped after the first <paramref name="count"/> of them, if any.</summary>
    internal static Exception? FirstAfter(int count) => Escaped.FirstOrDefault(escaped => escaped.Number > count).Exception;

    internal static string Describe(Exception exception) =>
        $"{exception.GetType().Name} was thrown on a thread that nothing waits for, and nothing caught it ({exception.Message}). " +
        "An exception that escapes a thread ends the whole program.";
}

/// <summary>
/// Applied to every test assembly (tests/Directory.Build.props): a test fails when an exception escaped a thread
/// while it ran, even if its own checks passed. (Another test running at the same time may then fail too: either way
/// a kata threw where nothing could catch it.)
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FailWhenExceptionsEscapeAttribute : BeforeAfterTestAttribute
{
    private readonly ConcurrentDictionary<MethodInfo, int> _escapedBefore = new();

    public override void Before(MethodInfo methodUnderTest) => _escapedBefore[methodUnderTest] = EscapedExceptions.Count;

    public override void After(MethodInfo methodUnderTest)
    {
        var before = _escapedBefore.TryRemove(methodUnderTest, out var count) ? count : EscapedExceptions.Count;
        if (EscapedExceptions.FirstAfter(before) is { } escaped)
        {
            throw new XunitException(EscapedExceptions.Describe(escaped) +
                " Let every exception reach the caller: return a Task and await it (never async void), keep the work on the " +
                "caller's thread where the lesson says so (an iterator needs no thread), and catch, keep and rethrow what a thread you start throws.");
        }
    }
}
