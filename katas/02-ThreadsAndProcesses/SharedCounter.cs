namespace ThreadsAndProcesses;

/// <summary>
/// Kata 5 (going further: a race on a shared counter): a counter that many threads increment at
/// the same time without losing a single increment.
/// </summary>
/// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint SharedCounter</c> gives one hint at a time.</remarks>
public sealed class SharedCounter
{
    /// <summary>Adds one. Safe to call from many threads at once.</summary>
    public void Increment() => throw Todo.Kata();

    /// <summary>The current count.</summary>
    public long Value => throw Todo.Kata();
}
