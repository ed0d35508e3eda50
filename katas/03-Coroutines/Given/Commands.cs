namespace Coroutines;

// Given, not a kata: the two small types that the subprocess katas share. The reference solution links this file
// (solutions/Directory.Build.props), so it exists once.

/// <summary>
/// A program to run and its arguments, one string per argument. There is no shell in between,
/// so spaces and quotes in an argument need no escaping: they reach the program as they are.
/// </summary>
/// <param name="Name">A label for reports, for example the host being pinged.</param>
/// <param name="FileName">The program, for example <c>ping</c> or <c>sh</c>.</param>
/// <param name="Arguments">The arguments, in order. Put each one in <c>ProcessStartInfo.ArgumentList</c>.</param>
public sealed record Command(string Name, string FileName, IReadOnlyList<string> Arguments);

/// <summary>What one finished command did: its exit code and everything it wrote.</summary>
/// <param name="Name">The <see cref="Command.Name"/> of the command.</param>
/// <param name="ExitCode">0 usually means success; anything else is a failure worth reporting.</param>
/// <param name="Output">Everything the command wrote to standard output.</param>
/// <param name="Error">Everything the command wrote to standard error.</param>
public sealed record CommandResult(string Name, int ExitCode, string Output, string Error);
