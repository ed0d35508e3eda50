namespace Distributed.Bench;

/// <summary>The project's queue: a worker process (the reference Worker) and a TaskClient, as the notebook uses them.</summary>
internal sealed class ProjectQueue : IContestant
{
    private readonly WorkerProcess _worker;
    private readonly TaskClient _client;

    private ProjectQueue(int concurrency, WorkerProcess worker, TaskClient client)
    {
        Name = $"this project, worker concurrency {concurrency}";
        _worker = worker;
        _client = client;
    }

    public string Name { get; }

    public static async Task<ProjectQueue> StartAsync(Uri broker, int concurrency)
    {
        var queue = $"bench.project.{concurrency}.{Guid.NewGuid():N}";
        var worker = WorkerProcess.Start(broker, queue, concurrency);
        var client = await TaskClient.ConnectAsync(broker, queue);
        var contestant = new ProjectQueue(concurrency, worker, client);
        await contestant.RunAsync(500); // warm-up: the worker is up, and both sides have compiled their hot paths
        return contestant;
    }

    public async Task<double> RunAsync(int tasks)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var handles = await Task.WhenAll(Enumerable.Range(1, tasks).Select(x => _client.DelayAsync(x)));
        var results = await Task.WhenAll(handles.Select(handle => handle.GetAsync(TimeSpan.FromSeconds(120))));
        var seconds = clock.Elapsed.TotalSeconds;
        Check.Squares(results.Select(result => (result.X, result.Square)), tasks, Name, _worker.Output);
        return seconds;
    }

    public async Task<double> OneCallAsync(int calls)
    {
        var times = new List<double>();
        for (var x = 0; x < calls; x++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var handle = await _client.DelayAsync(x);
            await handle.GetAsync(TimeSpan.FromSeconds(30));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Stats.Median(times);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _worker.DisposeAsync();
    }
}
