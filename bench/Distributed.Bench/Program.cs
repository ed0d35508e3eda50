using Broker;
using Distributed.Bench;

// dotnet run -c Release --project bench/Distributed.Bench [-- --tasks 2000 --runs 5 --no-celery --variants]
// --variants adds the broker's limit with a prefetch of 4 and with publisher confirms, to show what each costs.
// Every system is started first; then the rounds take turns (round 1 of each, round 2 of each, ...), so that they
// all share one time window and a busy moment on the machine does not fall on one of them only.
var tasks = 2000;
var runs = 5;
var celery = true;
var variants = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--tasks" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n >= 1:
            tasks = n;
            i++;
            break;
        case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], out var r) && r >= 1:
            runs = r;
            i++;
            break;
        case "--no-celery":
            celery = false;
            break;
        case "--variants":
            variants = true;
            break;
        default:
            Console.Error.WriteLine($"bench: bad argument '{args[i]}'");
            Console.Error.WriteLine("usage: Distributed.Bench [--tasks N (default 2000)] [--runs N (default 5)] [--no-celery] [--variants]");
            return 2;
    }
}

await using var broker = await RabbitBroker.StartAsync();
Console.WriteLine($"broker: {broker.Description}; {Environment.ProcessorCount} cores; {tasks} tasks per run, {runs} runs each");

var contestants = new List<IContestant>();
try
{
    var python = celery ? SeedCelery.FindPython() : null;
    if (python is not null)
    {
        contestants.Add(await SeedCelery.StartAsync(python, broker.Uri));
    }
    else if (celery)
    {
        Console.WriteLine("Celery: not measured (no Python that can import celery; on Debian: sudo apt-get install python3-celery)");
    }
    contestants.Add(await ProjectQueue.StartAsync(broker.Uri, 4));
    contestants.Add(await ProjectQueue.StartAsync(broker.Uri, 16));
    contestants.Add(await BrokerLimit.StartAsync(broker.Uri));
    if (variants)
    {
        contestants.Add(await BrokerLimit.StartAsync(broker.Uri, prefetch: 4));
        contestants.Add(await BrokerLimit.StartAsync(broker.Uri, confirms: true));
    }

    var rates = contestants.ToDictionary(c => c, _ => new List<double>());
    for (var round = 1; round <= runs; round++)
    {
        foreach (var contestant in contestants)
        {
            rates[contestant].Add(tasks / await contestant.RunAsync(tasks));
        }
        Console.WriteLine($"round {round} of {runs} done");
    }
    var latency = new Dictionary<IContestant, double>();
    foreach (var contestant in contestants)
    {
        latency[contestant] = await contestant.OneCallAsync(contestant is SeedCelery ? 100 : 200);
    }

    Console.WriteLine();
    Report.Table(contestants, rates, latency);
    Report.Ratios(contestants, rates, latency);
    return 0;
}
finally
{
    foreach (var contestant in contestants)
    {
        await contestant.DisposeAsync();
    }
}
