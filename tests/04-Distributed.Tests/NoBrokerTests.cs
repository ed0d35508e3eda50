using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Distributed.Tests;

// No broker where the address points, or a broker that refuses the password: within 5 s, one clear line that
// names the address without its password. The worker program exits with code 1; TaskClient.ConnectAsync throws
// BrokerUnavailableException with the same words.
[Collection("Broker")]
public class NoBrokerTests(BrokerFixture broker)
{
    private static readonly TimeSpan Promise = BrokerConnection.Patience + TimeSpan.FromSeconds(3); // 5 s, and a margin for a busy machine

    [Fact]
    public async Task A_worker_with_no_broker_says_where_it_looked_and_exits_with_code_1()
    {
        var nobody = NobodyListening();
        var clock = Stopwatch.StartNew();
        await using var program = WorkerProcess.StartProgram(["worker", "--broker", nobody.ToString(), "--queue", "q"]);
        var exitCode = await Within.Await(program.WaitForExitAsync(), "The worker kept trying a broker that is not there.", Promise);

        Expect(program, exitCode,
            $"worker: cannot connect to the RabbitMQ broker at amqp://guest@127.0.0.1:{nobody.Port}/: connection refused (is a broker running there?)");
        Assert.True(clock.Elapsed < Promise, $"It took {clock.Elapsed.TotalSeconds:0.0} s to give up.");
    }

    [Fact]
    public async Task A_worker_with_the_wrong_password_says_so_and_exits_with_code_1()
    {
        var wrong = WithPassword(broker.Uri, "not-the-password");
        await using var program = WorkerProcess.StartProgram(["worker", "--broker", wrong.ToString(), "--queue", broker.NewQueue("refused")]);
        var exitCode = await Within.Await(program.WaitForExitAsync(), "The worker kept trying a broker that refused it.", Promise);

        Expect(program, exitCode,
            $"worker: cannot connect to the RabbitMQ broker at {BrokerConnection.Printable(wrong)}: the broker refused the user name or password");
        Assert.DoesNotContain("not-the-password", program.Errors);
    }

    [Fact]
    public async Task A_client_with_no_broker_fails_with_a_clear_exception()
    {
        var nobody = WithPassword(NobodyListening(), "hush");
        var outcome = await Within.Outcome(TaskClient.ConnectAsync(nobody, "q"), "TaskClient.ConnectAsync kept trying a broker that is not there.", Promise);

        var unavailable = outcome as BrokerUnavailableException ?? throw new Xunit.Sdk.XunitException(
            $"TaskClient.ConnectAsync should fail with BrokerUnavailableException, but it ended with {outcome?.GetType().Name ?? "no exception"}: " +
            $"{outcome?.Message}. Open the connection with BrokerConnection.OpenAsync, which says what went wrong.");
        Assert.Equal($"cannot connect to the RabbitMQ broker at amqp://guest@127.0.0.1:{nobody.Port}/: connection refused (is a broker running there?)",
            unavailable.Message);
        Assert.DoesNotContain("hush", unavailable.Message);
    }

    // Exit code 1 and exactly this one line on stderr; otherwise say what the worker did print.
    private static void Expect(WorkerProcess program, int exitCode, string line)
    {
        if (exitCode != 1 || program.Errors != line)
        {
            throw new Xunit.Sdk.XunitException(
                $"The worker should exit with code 1 and print one line:\n  {line}\nIt exited with code {exitCode} and printed:\n{program.Output}\n" +
                "Open the connection with BrokerConnection.OpenAsync, which fails with that message.");
        }
    }

    // A loopback port that was free a moment ago: nothing listens there.
    private static Uri NobodyListening()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"amqp://guest:guest@127.0.0.1:{port}/");
    }

    private static Uri WithPassword(Uri uri, string password) =>
        new UriBuilder(uri) { Password = password }.Uri;
}
