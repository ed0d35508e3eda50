using Xunit.Abstractions;
using Xunit.Sdk;

/// <summary>
/// Runs the tests of a class in the order of their <see cref="TaskAttribute"/>, then in the order they are
/// written in the file (xunit's own order is by a hash, which sends a learner to a later task first).
/// Every test project uses it: tests/Directory.Build.props adds the assembly attribute.
/// </summary>
public sealed class TaskOrderer : ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases
            .OrderBy(test => TaskNumber(test))
            .ThenBy(test => DeclarationOrder(test))
            .ThenBy(test => test.DisplayName, StringComparer.Ordinal);

    private static int TaskNumber(ITestCase test) =>
        test.TestMethod.Method.GetCustomAttributes(typeof(TaskAttribute).AssemblyQualifiedName!).FirstOrDefault() is { } task
            ? task.GetConstructorArguments().OfType<int>().First()
            : int.MaxValue;

    // Methods are numbered in the metadata in the order the compiler meets them, which is the order of the source.
    private static int DeclarationOrder(ITestCase test) =>
        test.TestMethod.Method is IReflectionMethodInfo reflection ? reflection.MethodInfo.MetadataToken : int.MaxValue;
}
