// Wrong answer: GetAsync limits the wait with a CancellationTokenSource(timeout)
// Replaces: AsyncResult.cs
// Found by: blind review
// Why it fails: When the time is up the caller gets TaskCanceledException, not the TimeoutException the contract promises; use _result.WaitAsync(timeout).

namespace Distributed;

public sealed class AsyncResult
{
    private readonly Task<FunResult> _result;

    internal AsyncResult(string taskId, Task<FunResult> result)
    {
        TaskId = taskId;
        _result = result;
    }

    public string TaskId { get; }

    public bool Ready => _result.IsCompleted;

    public async Task<FunResult> GetAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        return await _result.WaitAsync(limit.Token);
    }
}
