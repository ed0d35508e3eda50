namespace ThreadsAndProcesses.Tests;

// Kata 3: results in completion order (seed cell In [5]).
// Wrong answers these tests reject:
//   - awaiting the jobs one by one in submission order: the result that finished first is not handed out;
//   - Task.WhenAll, then yielding every result: nothing comes until the last job has finished;
//   - starting each job only when the previous one is done: the other jobs never start.
// The test decides which job finishes when, with one TaskCompletionSource per job.
public class AsCompletedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Hands_out_results_in_the_order_the_jobs_finish()
    {
        int[] inputs = [10, 11, 12, 13, 14];
        int[] finishOrder = [13, 10, 14, 12, 11];
        var jobs = inputs.ToDictionary(x => x, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
        var started = 0;

        var results = AsCompleted.InCompletionOrder(inputs, x =>
        {
            Interlocked.Increment(ref started);
            return jobs[x].Task;
        });
        await using var next = new QuietEnumerator<string>(results.GetAsyncEnumerator());
        var move = next.MoveNextAsync();
        try
        {
            await Within.Until(() => Volatile.Read(ref started) == inputs.Length,
                $"Not all {inputs.Length} jobs were started. Submit every job before waiting for any of them.",
                Patience);

            var arrived = new List<string>();
            foreach (var x in finishOrder)
            {
                jobs[x].SetResult($"f({x}) = {x * x}");
                Assert.True(await Within.Await(move,
                    $"Job {x} finished, but its result was not handed out. Yield results as jobs finish (Task.WhenEach), " +
                    "not in the order they were submitted.", Patience));
                arrived.Add(next.Current);
                move = next.MoveNextAsync();
            }
            Assert.False(await Within.Await(move, "The sequence did not end after the last result.", Patience));

            Assert.Equal(finishOrder.Select(x => $"f({x}) = {x * x}"), arrived);
            Snapshot.Match(arrived);
        }
        finally
        {
            foreach (var job in jobs.Values)
            {
                job.TrySetResult("");
            }
        }
    }

    [Fact]
    public async Task Hands_out_the_first_finished_result_before_the_others_finish()
    {
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var results = AsCompleted.InCompletionOrder([1, 2, 3], x => x == 3 ? Task.FromResult(9) : slow.Task);
        await using var next = new QuietEnumerator<int>(results.GetAsyncEnumerator());
        var move = next.MoveNextAsync();
        try
        {
            Assert.True(await Within.Await(move,
                "The job for 3 had finished, but the first result only comes after the slow jobs. Do not wait for all the jobs (WhenAll) " +
                "or for the first one submitted.", Patience));
            Assert.Equal(9, next.Current);

            slow.SetResult(0);
            var rest = new List<int>();
            while (await Within.Await(move = next.MoveNextAsync(), "The slow jobs finished, but their results did not come.", Patience))
            {
                rest.Add(next.Current);
            }
            Assert.Equal([0, 0], rest);
        }
        finally
        {
            slow.TrySetResult(0);
        }
    }
}
