namespace Distributed;

/// <summary>
/// The task itself, the seed's <c>fun(x)</c>: returns <c>(x, x², pid)</c>. Given, not a kata.
/// Negative numbers make it fail every time, which is how the katas make a poison task.
/// </summary>
/// <param name="holdFolder">
/// For the tests only. When set, every call first writes a file <c>started-X.PID</c> there (a signal: "I am in
/// the middle of task X"), then waits until a file <c>release-X</c> or <c>release-all</c> appears. That is how
/// a test knows a task is running, and decides when (and in which order) tasks finish, without sleeping.
/// </param>
public sealed class Fun(string? holdFolder = null)
{
    public async Task<FunResult> RunAsync(int x, CancellationToken cancellationToken = default)
    {
        if (x < 0)
        {
            throw new InvalidOperationException($"fun({x}) refuses negative numbers (the katas use this as a task that always fails).");
        }
        if (holdFolder is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(holdFolder, $"started-{x}.{Environment.ProcessId}"), "", cancellationToken);
            while (!File.Exists(Path.Combine(holdFolder, "release-all")) && !File.Exists(Path.Combine(holdFolder, $"release-{x}")))
            {
                await Task.Delay(5, cancellationToken);
            }
        }
        return new FunResult(x, x * x, Environment.ProcessId);
    }
}
