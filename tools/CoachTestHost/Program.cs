using System.Reflection;
using System.Text.Json;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

// Usage: dotnet exec --depsfile T.deps.json --runtimeconfig T.runtimeconfig.json CoachTestHost.dll T.dll ClassTests
// Prints one line per finished test, "@@coach {json}", in the order the tests ran (the TaskOrderer's order),
// and stops at the first failure: the coach shows only that one.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: CoachTestHost <test assembly> <test class>");
    return 2;
}
var assemblyPath = Path.GetFullPath(args[0]);
var testClass = args[1];

var assembly = Assembly.LoadFrom(assemblyPath);
// The coach names the class as the course does (SquareQueriesTests); xunit wants its full name.
var type = assembly.GetTypes().FirstOrDefault(t => t.Name == testClass || t.FullName == testClass);
if (type is null)
{
    Report(new { kind = "none", testClass });
    return 3;
}
var diagnostics = new Sink(_ => { });
using var framework = new XunitTestFramework(diagnostics);

var found = new List<ITestCase>();
using (var discovered = new ManualResetEventSlim())
{
    var discoverySink = new Sink(message =>
    {
        switch (message)
        {
            case ITestCaseDiscoveryMessage testCase:
                found.Add(testCase.TestCase);
                break;
            case IDiscoveryCompleteMessage:
                discovered.Set();
                break;
        }
    });
    using var discoverer = framework.GetDiscoverer(Reflector.Wrap(assembly));
    discoverer.Find(type.FullName!, includeSourceInformation: false, discoverySink, new Options());
    discovered.Wait();
}
if (found.Count == 0)
{
    Report(new { kind = "none", testClass });
    return 3;
}

Report(new { kind = "found", count = found.Count });

using (var finished = new ManualResetEventSlim())
{
    var executionSink = new Sink(message =>
    {
        switch (message)
        {
            case ITestPassed passed:
                Report(new { kind = "test", name = passed.Test.DisplayName, method = passed.TestMethod.Method.Name, outcome = "Passed" });
                break;
            case ITestFailed failed:
                Report(new
                {
                    kind = "test",
                    name = failed.Test.DisplayName,
                    method = failed.TestMethod.Method.Name,
                    outcome = "Failed",
                    exception = failed.ExceptionTypes.FirstOrDefault(),
                    message = ExceptionUtility.CombineMessages(failed),
                    stack = ExceptionUtility.CombineStackTraces(failed),
                });
                break;
            case ITestSkipped skipped:
                Report(new { kind = "test", name = skipped.Test.DisplayName, method = skipped.TestMethod.Method.Name, outcome = "Skipped", message = skipped.Reason });
                break;
            case IErrorMessage error:
                Report(new { kind = "error", message = ExceptionUtility.CombineMessages(error), stack = ExceptionUtility.CombineStackTraces(error) });
                break;
            case ITestAssemblyFinished:
                finished.Set();
                break;
        }
    });
    using var executor = framework.GetExecutor(assembly.GetName());
    var options = new Options();
    options.SetValue("xunit.execution.StopOnFail", true);
    options.SetValue("xunit.execution.DisableParallelization", true);
    executor.RunTests(found, executionSink, options);
    finished.Wait();
}
Report(new { kind = "done" });
return 0;

static void Report(object line)
{
    lock (Console.Out)
    {
        Console.Out.WriteLine("@@coach " + JsonSerializer.Serialize(line));
        Console.Out.Flush();
    }
}

/// <summary>Receives xunit's messages. Returning true means "keep going".</summary>
internal sealed class Sink(Action<IMessageSinkMessage> onMessage) : IMessageSink
{
    public bool OnMessage(IMessageSinkMessage message)
    {
        onMessage(message);
        return true;
    }
}

/// <summary>xunit's discovery and execution options: a bag of named values; a missing one means "the default".</summary>
internal sealed class Options : ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
{
    private readonly Dictionary<string, object?> _values = new();

    public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) && value is TValue typed ? typed : default!;

    public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
}
