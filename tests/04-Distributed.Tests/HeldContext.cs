using System.Collections.Concurrent;

namespace Distributed.Tests;

/// <summary>
/// A SynchronizationContext whose continuations run only when the test says so (<see cref="RunHeld"/>).
/// Code called through <see cref="Call{T}"/> resumes after its first real await only then: so a test can make
/// "the rest of DelayAsync, after the publish" wait while a reply is already on its way back.
/// </summary>
public sealed class HeldContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _held = new();

    public int Held => _held.Count;

    public override void Post(SendOrPostCallback d, object? state) => _held.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    /// <summary>Calls <paramref name="start"/> on a thread of its own with this context current, and returns what it returned.</summary>
    /// <remarks>The caller bounds the returned task: a call that blocks its thread never completes it.</remarks>
    public Task<T> Call<T>(Func<T> start) =>
        Task.Factory.StartNew(() => WithThisContext(start), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Runs every continuation held so far (and those they post in turn), on a thread of its own.</summary>
    public Task RunHeld() =>
        Task.Factory.StartNew(() => WithThisContext(() =>
        {
            while (_held.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
            return 0;
        }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private T WithThisContext<T>(Func<T> work)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return work();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
