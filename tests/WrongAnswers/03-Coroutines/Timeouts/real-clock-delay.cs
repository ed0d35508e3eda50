// Wrong answer: races the work against Task.Delay(timeout) on the real clock
// Replaces: Timeouts.cs
// Found by: test header
// Why it fails: Task.Delay without the TimeProvider waits on the real clock, so the deadline ignores the clock you were given; pass the TimeProvider (new CancellationTokenSource(timeout, time), WaitAsync(timeout, time)).

namespace Coroutines;

public static class Timeouts
{
    public static async Task<T> WithTimeoutAsync<T>(
        Func<CancellationToken, Task<T>> work,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = work(linked.Token);
        using var stopDelay = new CancellationTokenSource();
        var deadline = Task.Delay(timeout, stopDelay.Token);
        var first = await Task.WhenAny(running, deadline);
        stopDelay.Cancel();
        if (first == deadline)
        {
            linked.Cancel();
            throw new TimeoutException($"The work did not finish within {timeout}.");
        }
        return await running;
    }
}
