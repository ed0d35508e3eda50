// Wrong answer: GetAsync waits with Task.Wait(timeout) and hands back a finished task
// Replaces: AsyncResult.cs
// Found by: blind review
// Why it fails: Wait blocks the calling thread until the reply comes, so the caller cannot do anything else meanwhile; await _result.WaitAsync(timeout) instead.

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

    public Task<FunResult> GetAsync(TimeSpan timeout)
    {
        try
        {
            if (!_result.Wait(timeout))
            {
                throw new TimeoutException($"Task {TaskId}: no result within {timeout}.");
            }
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is { } inner)
        {
            return Task.FromException<FunResult>(inner);
        }
        return Task.FromResult(_result.Result);
    }
}
