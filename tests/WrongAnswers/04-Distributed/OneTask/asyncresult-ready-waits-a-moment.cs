// Wrong answer: Ready gives the reply two seconds to arrive before it says no
// Replaces: AsyncResult.cs
// Found by: blind review
// Why it fails: Ready must answer at once (polling loops call it often); read _result.IsCompleted, which never blocks.

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

    public bool Ready => ((IAsyncResult)_result).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(2));

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
