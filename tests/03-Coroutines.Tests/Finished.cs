namespace Coroutines.Tests;

/// <summary>
/// Like <c>Within.Outcome</c>, for work that may itself end with a <see cref="TimeoutException"/>.
/// Within.Await treats any TimeoutException as its own "gave up waiting", so here the wait is on
/// <c>Task.WhenAny(task)</c>, which never fails, and the task's exception is read afterwards.
/// </summary>
public static class Finished
{
    public static async Task<Exception?> Outcome(Task task, string whatWentWrong, TimeSpan? limit = null)
    {
        await Within.Await(Task.WhenAny(task), whatWentWrong, limit);
        try
        {
            await task;
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
