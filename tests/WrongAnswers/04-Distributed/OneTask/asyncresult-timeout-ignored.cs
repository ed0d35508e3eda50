// Wrong answer: GetAsync returns the reply's task as it is and never looks at the timeout
// Replaces: AsyncResult.cs
// Found by: blind review
// Why it fails: If the reply never comes, the caller waits forever; limit the wait with _result.WaitAsync(timeout), which throws TimeoutException.

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

    public Task<FunResult> GetAsync(TimeSpan timeout) => _result;
}
