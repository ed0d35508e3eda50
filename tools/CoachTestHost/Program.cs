using System.Reflection;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

// Usage: dotnet exec --depsfile T.deps.json --runtimeconfig T.runtimeconfig.json CoachTestHost.dll T.dll Class [Class ...]
// Runs the named test classes in that order, and stops at the first failure: the coach shows only that one. Prints one
// line per event: "@@coach found N" (the tests of all the classes), "@@coach test {json}" per finished test, in the order
// the tests ran (the TaskOrderer's order), "@@coach error {json}" and "@@coach done".
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: CoachTestHost <test assembly> <test class>...");
    return 2;
}
var assembly = Assembly.LoadFrom(Path.GetFullPath(args[0]));
var options = new Options();
options.SetValue("xunit.execution.StopOnFail", true);
options.SetValue("xunit.execution.DisableParallelization", true);
using var framework = new XunitTestFramework(new NullMessageSink());
using var discoverer = framework.GetDiscoverer(Reflector.Wrap(assembly));

// The coach names a class as the course does (SquareQueriesTests); xunit wants its full name.
var classes = args[1..]
    .SelectMany(name => assembly.GetTypes().Where(type => type.Name == name))
    .Select(type => Discover(type.FullName!))
    .Where(testCases => testCases.Count > 0)
    .ToList();
if (classes.Count == 0)
{
    Console.Error.WriteLine($"No test class {string.Join(" or ", args[1..])} was found in {Path.GetFileName(args[0])}.");
    return 3;
}
Report("found", classes.Sum(testCases => testCases.Count));

using var executor = framework.GetExecutor(assembly.GetName());
var failed = false;
foreach (var testCases in classes.TakeWhile(_ => !failed))
{
    Wait<ITestAssemblyFinished>(sink => executor.RunTests(testCases, sink, options), message =>
    {
        switch (message)
        {
            case ITestResultMessage result:
                var failure = result as IFailureInformation; // only a failed test has one
                failed |= failure is not null;
                Report("test", new
                {
                    Name = result.Test.DisplayName,
                    Method = result.TestMethod.Method.Name,
                    Passed = failure is null,
                    Message = failure is null ? (result as ITestSkipped)?.Reason : ExceptionUtility.CombineMessages(failure),
                    Stack = failure is null ? null : ExceptionUtility.CombineStackTraces(failure),
                });
                break;
            case IErrorMessage error:
                failed = true;
                Report("error", ExceptionUtility.CombineMessages(error) + "\n" + ExceptionUtility.CombineStackTraces(error));
                break;
        }
    });
}
Report("done");
return 0;

List<ITestCase> Discover(string typeName)
{
    var found = new List<ITestCase>();
    Wait<IDiscoveryCompleteMessage>(sink => discoverer.Find(typeName, includeSourceInformation: false, sink, options), message =>
    {
        if (message is ITestCaseDiscoveryMessage discovered)
        {
            found.Add(discovered.TestCase);
        }
    });
    return found;
}

// xunit works on threads of its own and reports through a sink: hand it each message, until the last one comes.
static void Wait<TLast>(Action<IMessageSink> start, Action<IMessageSinkMessage> onMessage)
{
    using var finished = new ManualResetEventSlim();
    start(new DelegatingMessageSink(new NullMessageSink(), message =>
    {
        onMessage(message);
        if (message is TLast)
        {
            finished.Set();
        }
    }));
    finished.Wait();
}

static void Report(string kind, object? value = null)
{
    lock (Console.Out)
    {
        Console.Out.WriteLine(value is null ? $"@@coach {kind}" : $"@@coach {kind} {JsonSerializer.Serialize(value)}");
        Console.Out.Flush();
    }
}

/// <summary>xunit's discovery and execution options: a bag of named values; a missing one means "the default".</summary>
internal sealed class Options : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
{
    private readonly Dictionary<string, object?> _values = [];

    public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

    public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
}
