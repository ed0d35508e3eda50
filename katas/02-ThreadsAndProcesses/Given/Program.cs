// The child program of section 2, given (not a kata). The section's assembly runs it when it is started as a
// program (`dotnet ThreadsAndProcesses.dll square`), so the kata, the reference and the notebook share one copy.
// A parent process starts it, writes one whole number per line
// to its standard input, and reads one answer per line from its standard output:
//
//     in:  7            out: 49 12345       (the result, then this child's process id)
//
// It stops when its standard input is closed (end of file): that is how a parent says "no more work".
//
// Arguments (all optional):
//   square            compute n * n (the default)
//   primes            count the primes below n, a slow CPU-bound function for measurements
//   --announce DIR    create an empty file named after this child's process id in DIR as soon as it
//                     starts, so that a test can find every child a pool started, even one that crashed
//   --garble N        answer N with a line that is not a number, as a broken child might, so that a test can
//                     check that a pool still stops its children when it cannot read an answer
//   --linger DIR      when standard input closes, create DIR/eof-PID and stay alive until a file DIR/release
//                     appears (a minute at most), so that a test can tell whether the parent waits for its
//                     children to exit: a parent that waits cannot be done before the test releases them
//
// A line that is not a whole number ends the child with exit code 2 and one line on stderr.
// A negative number makes the child crash on purpose (exit code 3, nothing on stdout), so the
// tests can check what a pool does when one of its children dies.

using System.Globalization;

var operation = args.Contains("primes") ? "primes" : "square";
long? garble = null;
if (OptionValue("--garble") is { } garbled)
{
    if (!long.TryParse(garbled, CultureInfo.InvariantCulture, out var broken))
    {
        Console.Error.WriteLine($"child: --garble needs a whole number, not '{garbled}'");
        return 2;
    }
    garble = broken;
}
if (OptionValue("--announce") is { } announceFolder)
{
    File.WriteAllText(Path.Combine(announceFolder, Environment.ProcessId.ToString(CultureInfo.InvariantCulture)), "");
}

string? line;
while ((line = Console.In.ReadLine()) is not null)
{
    if (string.IsNullOrWhiteSpace(line))
    {
        continue;
    }

    if (!long.TryParse(line, CultureInfo.InvariantCulture, out var n))
    {
        Console.Error.WriteLine($"child PID {Environment.ProcessId}: '{line}' is not a whole number");
        return 2;
    }
    if (n < 0)
    {
        Console.Error.WriteLine($"child PID {Environment.ProcessId}: asked for {n}, crashing on purpose");
        return 3;
    }

    var result = operation == "primes" ? CountPrimesBelow(n) : n * n;
    // One answer per line, flushed at once: the parent is waiting for it.
    Console.Out.WriteLine(n == garble ? "not-a-number" : $"{result} {Environment.ProcessId}");
    Console.Out.Flush();
}

if (OptionValue("--linger") is { } folder)
{
    File.WriteAllText(Path.Combine(folder, $"eof-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"), "");
    for (var waited = 0; waited < 6_000 && !File.Exists(Path.Combine(folder, "release")); waited++)
    {
        Thread.Sleep(10);
    }
}

return 0;

// The value after "--name" on the command line, or null when the option is not there.
string? OptionValue(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

// Deliberately naive trial division: slow on purpose, so there is CPU work worth sharing out.
static long CountPrimesBelow(long limit)
{
    long count = 0;
    for (long candidate = 2; candidate < limit; candidate++)
    {
        var isPrime = true;
        for (long divisor = 2; divisor * divisor <= candidate; divisor++)
        {
            if (candidate % divisor == 0)
            {
                isPrime = false;
                break;
            }
        }
        if (isPrime)
        {
            count++;
        }
    }
    return count;
}
