namespace Coroutines.Tests;

/// <summary>Builds commands that run a small POSIX shell script, passing the values as arguments.</summary>
public static class Sh
{
    /// <summary>
    /// <c>sh -c script sh arg1 arg2 ...</c>: inside the script the values are <c>$1</c>, <c>$2</c>, ...,
    /// so nothing is ever pasted into the script text.
    /// </summary>
    public static Command Script(string name, string script, params string[] arguments) =>
        new(name, "sh", ["-c", script, "sh", .. arguments]);
}
