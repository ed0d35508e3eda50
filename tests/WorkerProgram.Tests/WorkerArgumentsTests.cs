using Distributed;

namespace WorkerProgram.Tests;

// The given worker program reads its command line strictly: a bad argument is one line on stderr that names it,
// then the usage, and exit code 2 (never an unhandled exception, never a guess). No broker is needed for these.
public class WorkerArgumentsTests
{
    [Theory]
    [InlineData("unknown option '--colour'", "worker", "--colour", "red")]
    [InlineData("option --concurrency: 'x' is not a whole number", "worker", "--concurrency", "x")]
    [InlineData("option --concurrency: '0' is not a whole number", "worker", "--concurrency", "0")]
    [InlineData("option --concurrency: '-3' is not a whole number", "worker", "--concurrency", "-3")]
    [InlineData("option --grace: 'soon' is not a whole number", "worker", "--grace", "soon")]
    [InlineData("option --broker: 'not a uri' is not an amqp:// or amqps:// URI", "worker", "--broker", "not a uri")]
    [InlineData("option --broker: 'http://...@example.org/' is not an amqp:// or amqps:// URI", "worker", "--broker", "http://me:secret@example.org/")]
    [InlineData("option --queue needs a value", "worker", "--queue")]
    [InlineData("unknown command 'serve'", "serve")]
    [InlineData("missing command", new string[0])]
    public async Task A_bad_argument_is_named_on_one_line_then_the_usage_with_exit_code_2(string expected, params string[] arguments)
    {
        await using var program = WorkerProcess.StartProgram(arguments);
        var exitCode = await Within.Await(program.WaitForExitAsync(), "The worker program did not exit after a bad argument.");

        var lines = program.Errors.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("worker: " + expected, lines[0]);
        Assert.StartsWith("usage: Distributed worker", lines[1]);
        Assert.DoesNotContain("secret", program.Errors);
        Assert.DoesNotContain("Exception", program.Errors);
    }
}
