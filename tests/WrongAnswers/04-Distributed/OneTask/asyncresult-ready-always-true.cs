// Wrong answer: Ready is always true, since GetAsync waits anyway
// Replaces: AsyncResult.cs
// Found by: test header
// Why it fails: Ready is how a caller polls without waiting; it must be false until the reply has arrived (Task.IsCompleted).

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

    public bool Ready => true;

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
