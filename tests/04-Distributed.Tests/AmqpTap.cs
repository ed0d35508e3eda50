using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Distributed.Tests;

/// <summary>
/// A small TCP relay on 127.0.0.1 between a client and the broker, for tests that must look at or hold what the
/// client sends. It counts the channels the client opens, the consumers it starts and cancels, and the closes it
/// asks for (AMQP method frames channel.open, basic.consume, basic.cancel, channel.close and connection.close), in
/// the order the client sends them, before the broker sees them. It can also pause the client's direction, so that a publish has to wait.
/// The broker's direction always flows.
/// </summary>
public sealed class AmqpTap : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Uri _broker;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly Task _accepting;
    private TaskCompletionSource _flowing = Open();
    private int _channelsOpened;
    private int _consumersStarted;
    private int _consumersCancelled;
    private int _closes;
    private long _clientBytes;

    public AmqpTap(Uri broker)
    {
        _broker = broker;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        // Small buffers on our side, so that a paused relay holds the client back after a few kilobytes.
        _listener.Server.ReceiveBufferSize = 4096;
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        Uri = new UriBuilder(broker) { Host = "127.0.0.1", Port = port }.Uri;
        _accepting = AcceptAsync();
    }

    /// <summary>Give this to the client instead of the broker's address.</summary>
    public Uri Uri { get; }

    public int ChannelsOpened => Volatile.Read(ref _channelsOpened);

    public int ConsumersStarted => Volatile.Read(ref _consumersStarted);

    /// <summary>How many basic.cancel the client has sent: it asked for no more deliveries on a consumer.</summary>
    public int ConsumersCancelled => Volatile.Read(ref _consumersCancelled);

    /// <summary>How many channel.close and connection.close the client has sent.</summary>
    public int Closes => Volatile.Read(ref _closes);

    /// <summary>Bytes the client has sent that the relay has read so far.</summary>
    public long ClientBytes => Interlocked.Read(ref _clientBytes);

    /// <summary>Stops reading what the client sends (its publishes pile up in its own buffers).</summary>
    public void Pause() => Volatile.Write(ref _flowing, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Resume() => Volatile.Read(ref _flowing).TrySetResult();

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                var broker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await broker.ConnectAsync(IPAddress.Loopback, _broker.Port, _stop.Token);
                lock (_sockets)
                {
                    _sockets.Add(client);
                    _sockets.Add(broker);
                }
                _ = RelayAsync(broker, client, watch: false);
                _ = RelayAsync(client, broker, watch: true);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task RelayAsync(Socket from, Socket to, bool watch)
    {
        var buffer = new byte[4096];
        var frames = new FrameCounter(this);
        try
        {
            while (true)
            {
                if (watch)
                {
                    await Volatile.Read(ref _flowing).Task.WaitAsync(_stop.Token);
                }
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    break;
                }
                if (watch)
                {
                    Interlocked.Add(ref _clientBytes, read);
                    frames.Feed(buffer.AsSpan(0, read));
                }
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            try
            {
                to.Shutdown(SocketShutdown.Send);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Resume();
        _stop.Cancel();
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
        }
        await _accepting.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    /// <summary>Reads AMQP 0-9-1 frames (type, channel, size, payload, end byte) after the 8-byte protocol header.</summary>
    private sealed class FrameCounter(AmqpTap tap)
    {
        private readonly List<byte> _pending = [];
        private bool _headerSeen;

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            _pending.AddRange(bytes);
            if (!_headerSeen)
            {
                if (_pending.Count < 8)
                {
                    return;
                }
                _pending.RemoveRange(0, 8);
                _headerSeen = true;
            }
            while (_pending.Count >= 7)
            {
                var head = _pending.GetRange(0, 7).ToArray();
                var size = (int)BinaryPrimitives.ReadUInt32BigEndian(head.AsSpan(3));
                if (_pending.Count < 7 + size + 1)
                {
                    return;
                }
                if (head[0] == 1 && size >= 4)
                {
                    var method = _pending.GetRange(7, 4).ToArray();
                    var (classId, methodId) = (BinaryPrimitives.ReadUInt16BigEndian(method), BinaryPrimitives.ReadUInt16BigEndian(method.AsSpan(2)));
                    if (classId == 20 && methodId == 10)
                    {
                        Interlocked.Increment(ref tap._channelsOpened);
                    }
                    else if (classId == 60 && methodId == 20)
                    {
                        Interlocked.Increment(ref tap._consumersStarted);
                    }
                    else if (classId == 60 && methodId == 30)
                    {
                        Interlocked.Increment(ref tap._consumersCancelled);
                    }
                    else if ((classId == 20 && methodId == 40) || (classId == 10 && methodId == 50))
                    {
                        Interlocked.Increment(ref tap._closes);
                    }
                }
                _pending.RemoveRange(0, 7 + size + 1);
            }
        }
    }
}
