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
// The coach names a class as the course does (SquareQueriesTests); xunit finds a class by its full name. One search per
// class: searching the whole assembly would also discover (and enumerate the data of) every other kata's tests.
var classes = args[1..]
    .SelectMany(name => assembly.GetTypes().Where(type => type.Name == name))
    .Select(type => Collect<IDiscoveryCompleteMessage>(sink => discoverer.Find(type.FullName, includeSourceInformation: false, sink, options))
        .OfType<ITestCaseDiscoveryMessage>().Select(discovered => discovered.TestCase).ToList())
    .Where(testCases => testCases.Count > 0)
    .ToList();
var tests = new List<object>();
var error = classes.Count == 0 ? $"No test class {string.Join(" or ", args[1..])} was found in {Path.GetFileName(args[0])}." : null;
using var executor = framework.GetExecutor(assembly.GetName());
var failed = false;
foreach (var testCases in classes.TakeWhile(_ => !failed && error is null))
{
    foreach (var message in Collect<ITestAssemblyFinished>(sink => executor.RunTests(testCases, sink, options)))
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
    }
}
Console.WriteLine("@@coach " + JsonSerializer.Serialize(new { Found = classes.Sum(testCases => testCases.Count), Tests = tests, Error = error }));
return 0;

// xunit works on threads of its own and reports through a sink: keep each message, in order, until the last one comes.
static List<IMessageSinkMessage> Collect<TLast>(Action<IMessageSink> start)
{
    var messages = new List<IMessageSinkMessage>();
    using var finished = new ManualResetEventSlim();
    start(new DelegatingMessageSink(new NullMessageSink(), message =>
    {
        messages.Add(message);
        if (message is TLast)
        {
            finished.Set();
        }
    }));
    finished.Wait();
    return messages;
}

/// <summary>xunit's discovery and execution options: a bag of named values; a missing one means "the default".</summary>
internal sealed class Options : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
{
    private readonly Dictionary<string, object?> _values = [];

    public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

    public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
}
