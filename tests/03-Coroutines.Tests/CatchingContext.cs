namespace Coroutines.Tests;

/// <summary>
/// A <see cref="SynchronizationContext"/> that runs posted work on the thread pool and catches what it throws.
/// Kata code called under it cannot crash the test run with an <c>async void</c> method: such a method tells
/// the context it started (<see cref="OperationStarted"/>), and its exception is thrown at the context, where
/// this class records it.
/// </summary>
public sealed class CatchingContext : SynchronizationContext
{
    private int _asyncVoidStarted;
    private Exception? _caught;

    /// <summary>How many <c>async void</c> methods were started under this context.</summary>
    public int AsyncVoidStarted => Volatile.Read(ref _asyncVoidStarted);

    /// <summary>The first exception that was thrown at the context, if any.</summary>
    public Exception? Caught => Volatile.Read(ref _caught);

    public override void OperationStarted() => Interlocked.Increment(ref _asyncVoidStarted);

    public override void Post(SendOrPostCallback callback, object? state) =>
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            var previous = Current;
            SetSynchronizationContext(this);
            try
            {
                callback(state);
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref _caught, exception, null);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }, null);

    public override void Send(SendOrPostCallback callback, object? state) => callback(state);

    /// <summary>Calls <paramref name="start"/> with this context as the current one, then puts the old one back.</summary>
    public T Run<T>(Func<T> start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
