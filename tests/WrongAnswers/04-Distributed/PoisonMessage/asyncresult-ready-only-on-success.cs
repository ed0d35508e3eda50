// Wrong answer: Ready is IsCompletedSuccessfully
// Replaces: AsyncResult.cs
// Found by: blind review
// Why it fails: A failed task is finished too, and a caller polling Ready would wait for ever; use IsCompleted, true for a result and for a failure.

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

    public bool Ready => _result.IsCompletedSuccessfully;

    public async Task<FunResult> GetAsync(TimeSpan timeout)
    {
        try
        {
            return await _result.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Task {TaskId}: no result within {timeout}.");
        }
    }
}
