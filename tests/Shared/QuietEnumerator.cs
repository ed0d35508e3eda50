/// <summary>
/// Steps through an async stream in a test and disposes of it without hiding the test's own failure.
/// Disposing an async iterator while one of its <c>MoveNextAsync</c> calls is still pending throws
/// <see cref="NotSupportedException"/>; thrown from an <c>await using</c>, that exception would replace the
/// message that says what went wrong. So disposal waits a moment for the pending move, then ignores anything
/// a broken implementation throws: the test has already failed or passed on its own evidence.
/// </summary>
public sealed class QuietEnumerator<T>(IAsyncEnumerator<T> enumerator) : IAsyncDisposable
{
    private Task _pending = Task.CompletedTask;

    public T Current => enumerator.Current;

    public Task<bool> MoveNextAsync()
    {
        var move = enumerator.MoveNextAsync().AsTask();
        _pending = move;
        return move;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _pending.WaitAsync(TimeSpan.FromSeconds(1));
            await enumerator.DisposeAsync();
        }
        catch (Exception)
        {
            // See the summary: never let clean-up hide the real result.
        }
    }
}
