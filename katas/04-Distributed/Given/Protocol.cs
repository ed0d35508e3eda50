using System.Text;
using System.Text.Json;

namespace Distributed;

/// <summary>
/// The message formats, given so that the katas can be about the broker rather than about JSON.
/// A task is <c>{"x":3}</c>; a reply is <c>{"x":3,"square":9,"pid":4242}</c> or <c>{"error":"..."}</c>.
/// </summary>
public static class Protocol
{
    /// <summary>The name of the queue where the broker puts the messages a worker gave up on.</summary>
    public static string DeadLetterQueue(string queue) => queue + ".dead";

    /// <summary>The pseudo-queue for RabbitMQ's direct reply-to: replies go straight back to the consumer on this channel.</summary>
    public const string DirectReplyTo = "amq.rabbitmq.reply-to";

    public static byte[] EncodeTask(int x) => JsonSerializer.SerializeToUtf8Bytes(new TaskBody(x));

    /// <summary>Reads a task; false when the bytes are not a task at all (a poison message).</summary>
    public static bool TryDecodeTask(ReadOnlySpan<byte> body, out int x)
    {
        x = 0;
        try
        {
            var task = JsonSerializer.Deserialize<TaskBody>(body);
            if (task?.X is not int value)
            {
                return false;
            }
            x = value;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static byte[] EncodeResult(FunResult result) =>
        JsonSerializer.SerializeToUtf8Bytes(new ReplyBody(result.X, result.Square, result.Pid, null));

    public static byte[] EncodeFailure(string error) =>
        JsonSerializer.SerializeToUtf8Bytes(new ReplyBody(null, null, null, error));

    /// <summary>Reads a reply: the result, or throws <see cref="TaskFailedException"/> when the worker reported a failure.</summary>
    public static FunResult DecodeReply(ReadOnlySpan<byte> body)
    {
        var reply = JsonSerializer.Deserialize<ReplyBody>(body) ?? throw new TaskFailedException("An empty reply came back.");
        if (reply.Error is not null)
        {
            throw new TaskFailedException(reply.Error);
        }
        return new FunResult(reply.X ?? 0, reply.Square ?? 0, reply.Pid ?? 0);
    }

    /// <summary>For printing a message body in tests and in the notebook.</summary>
    public static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);

    private sealed record TaskBody([property: System.Text.Json.Serialization.JsonPropertyName("x")] int? X);

    private sealed record ReplyBody(
        [property: System.Text.Json.Serialization.JsonPropertyName("x")] int? X,
        [property: System.Text.Json.Serialization.JsonPropertyName("square")] int? Square,
        [property: System.Text.Json.Serialization.JsonPropertyName("pid")] int? Pid,
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string? Error);
}
