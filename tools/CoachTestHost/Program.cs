using System.Reflection;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

// Usage: dotnet exec --depsfile T.deps.json --runtimeconfig T.runtimeconfig.json CoachTestHost.dll T.dll Class [Class ...]
// Runs the named test classes in that order, and stops at the first failure: the coach shows only that one. Ends with
// one line, "@@coach {json}": how many tests the classes hold, each finished test in the order it ran (the TaskOrderer's),
// and an error, if any. A test process that dies first prints no such line.
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
var found = new List<ITestCase>();
Wait<IDiscoveryCompleteMessage>(sink => discoverer.Find(includeSourceInformation: false, sink, options), message =>
{
    if (message is ITestCaseDiscoveryMessage discovered)
    {
        found.Add(discovered.TestCase);
    }
});

// The coach names a class as the course does (SquareQueriesTests), without its namespace.
var classes = args[1..]
    .Select(name => found.Where(test => ((IReflectionTypeInfo)test.TestMethod.TestClass.Class).Type.Name == name).ToList())
    .Where(testCases => testCases.Count > 0)
    .ToList();
var tests = new List<object>();
var error = classes.Count == 0 ? $"No test class {string.Join(" or ", args[1..])} was found in {Path.GetFileName(args[0])}." : null;
using var executor = framework.GetExecutor(assembly.GetName());
var failed = false;
foreach (var testCases in classes.TakeWhile(_ => !failed && error is null))
{
    Wait<ITestAssemblyFinished>(sink => executor.RunTests(testCases, sink, options), message =>
    {
        switch (message)
        {
            case ITestResultMessage result:
                var failure = result as IFailureInformation; // only a failed test has one
                failed |= failure is not null;
                tests.Add(new
                {
                    Name = result.Test.DisplayName,
                    Method = result.TestMethod.Method.Name,
                    Passed = failure is null,
                    Message = failure is null ? (result as ITestSkipped)?.Reason : ExceptionUtility.CombineMessages(failure),
                    Stack = failure is null ? null : ExceptionUtility.CombineStackTraces(failure),
                });
                break;
            case IErrorMessage problem:
                error = ExceptionUtility.CombineMessages(problem) + "\n" + ExceptionUtility.CombineStackTraces(problem);
                break;
        }
    });
}
Console.WriteLine("@@coach " + JsonSerializer.Serialize(new { Found = classes.Sum(testCases => testCases.Count), Tests = tests, Error = error }));
return 0;

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

/// <summary>xunit's discovery and execution options: a bag of named values; a missing one means "the default".</summary>
internal sealed class Options : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
{
    private readonly Dictionary<string, object?> _values = [];

    public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

    public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
}
