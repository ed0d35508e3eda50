namespace Distributed.Bench;

/// <summary>One system under measurement: it is set up once, then measured in rounds taken in turn with the others.</summary>
internal interface IContestant : IAsyncDisposable
{
    string Name { get; }

    /// <summary>Sends <paramref name="tasks"/> round trips at once, waits for every result; returns the seconds it took.</summary>
    Task<double> RunAsync(int tasks);

    /// <summary>The median, in milliseconds, of <paramref name="calls"/> single calls made one after another.</summary>
    Task<double> OneCallAsync(int calls);
}
