// Wrong answer: GetAsync runs Task.Run(() => _result.Result) with a timeout
// Replaces: AsyncResult.cs
// Found by: blind review
// Why it fails: That blocks a pool thread per waiting caller, and a failure comes out wrapped in an AggregateException instead of TaskFailedException; await _result.WaitAsync(timeout).

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

    public Task<FunResult> GetAsync(TimeSpan timeout) =>
        Task.Run(() => _result.Wait(timeout) ? _result.Result : throw new TimeoutException($"Task {TaskId}: no result within {timeout}."));
}
