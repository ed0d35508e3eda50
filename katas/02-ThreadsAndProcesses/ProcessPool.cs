using System.Diagnostics;

namespace ThreadsAndProcesses;

/// <summary>
/// Kata 4 (real multi-processing): the same work as <see cref="ParallelMap"/>, but computed in
/// child processes that talk to the parent over their standard input and output.
/// </summary>
public static class ProcessPool
{
    /// <summary>
    /// Starts <paramref name="processes"/> children from <paramref name="worker"/> and shares the
    /// inputs out among them: child <c>k</c> gets inputs <c>k</c>, <c>k + processes</c>, ... For
    /// each input, write the number on one line of the child's standard input and read its answer,
    /// one line <c>"result pid"</c>, from its standard output. Returns the answers in input order.
    /// Before it returns (or throws), every child has exited: close its standard input to let it
    /// end, and wait for it. If a child dies without answering, throw an exception (do not wait
    /// for an answer that will never come).
    /// </summary>
    /// <remarks>Stuck? <c>dotnet run --project tools/Coach -- hint ProcessPool</c> gives one hint at a time.</remarks>
    public static Task<IReadOnlyList<(long Input, long Result, int ProcessId)>> MapAsync(
        ProcessStartInfo worker, IReadOnlyList<long> inputs, int processes) =>
        throw Todo.Kata();
}
