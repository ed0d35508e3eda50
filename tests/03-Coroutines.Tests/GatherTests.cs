namespace Coroutines.Tests;

// Kata 1: gather, Task.WhenAll (seed cell In [25]).
// Every call into Gather runs on another thread with a limit and under a CatchingContext, so a gather that blocks
// (Task.WaitAll) fails in seconds and one that uses async void fails with a message instead of crashing the run.
// Wrong answers these tests reject (tests/WrongAnswers/03-Coroutines/Gather holds them all):
//   - awaiting each call in turn (a foreach, or a lazy Select awaited item by item): one call in flight at a time;
//   - results collected as the calls finish, or placed with IndexOf(item): wrong order, or holes for repeated items;
//   - calls left to Task.Run, a thread or Parallel.ForEachAsync: not all started at once, and it depends on the machine;
//   - awaiting the tasks one by one, swallowing failures, async void: failures lost, early or not at all;
//   - a lazy Select enumerated twice: every call made twice.
public class GatherTests
{
    private const string CallerBlocked =
        "Gather.AllAsync did not even return its task while the calls were still running: it blocked its caller " +
        "(Task.WaitAll, .Result or .Wait()). Return the task of `await Task.WhenAll(...)` instead.";

    [Fact]
    public async Task All_twenty_calls_are_in_flight_at_once()
    {
        // Every call waits at the gate until all 20 are inside it: only a gather gets them all there.
        var probe = new ConcurrencyProbe(gateAt: 20, gateTimeout: TimeSpan.FromSeconds(5));
        var calls = 0;

        var gathering = await Start(Enumerable.Range(1, 20), async x =>
        {
            Interlocked.Increment(ref calls);
            using (await probe.EnterAsync())
            {
                return x * x;
            }
        });
        var results = await Within.Await(gathering, "Gather.AllAsync did not finish. Start every call first, then await Task.WhenAll.");

        Assert.Equal(20, probe.MaxInFlight);
        Assert.True(calls == 20,
            $"{calls} calls were made for 20 items. Turn items.Select(call) into a list once (ToList): a lazy Select " +
            "makes every call again each time it is enumerated.");
        Snapshot.Match($"Results: [{string.Join(", ", results)}]");
    }

    [Fact]
    public async Task Every_call_has_started_when_AllAsync_returns_its_task()
    {
        // More calls than any machine has threads, each waiting until the test answers it: a call that needs
        // a thread of its own (Task.Run, Parallel.ForEachAsync) cannot have started yet when AllAsync returns.
        var count = 2 * Environment.ProcessorCount + 64;
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var started = 0;
        try
        {
            var gathering = await Start(Enumerable.Range(0, count), async i =>
            {
                Interlocked.Increment(ref started);
                await answer.Task;
                return i;
            });
            var startedOnReturn = Volatile.Read(ref started);

            Assert.True(startedOnReturn == count,
                $"When AllAsync returned its task, {startedOnReturn} of {count} calls had started. Call each one directly " +
                "(items.Select(call).ToList()), then await Task.WhenAll: a task is not a thread, and a call left to " +
                "Task.Run or Parallel.ForEachAsync waits for a free thread, of which every machine has a different number.");

            answer.SetResult();
            var results = await Within.Await(gathering, "Gather.AllAsync did not finish after every call had answered.");
            Assert.Equal(Enumerable.Range(0, count), results);
            Assert.Equal(count, Volatile.Read(ref started));
        }
        finally
        {
            answer.TrySetResult(); // frees a gather that blocked on the calls
        }
    }

    [Fact]
    public async Task Results_come_in_input_order_even_when_later_calls_finish_first()
    {
        var answers = Enumerable.Range(0, 5)
            .Select(_ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously))
            .ToArray();

        // The last call has its answer before anything starts, so a gather that collects results as they finish
        // (each call adding to a list, or a WhenAny loop) always meets it first. The others answer last-first.
        answers[4].SetResult("call 4");
        var gathering = await Start(Enumerable.Range(0, 5), i => answers[i].Task, whenBlocked: () =>
        {
            foreach (var (answer, i) in answers.Select((a, i) => (a, i)))
            {
                answer.TrySetResult($"call {i}");
            }
        });
        for (var i = 3; i >= 0; i--)
        {
            answers[i].SetResult($"call {i}");
        }

        var results = await Within.Await(gathering, "Gather.AllAsync did not finish after every call had answered.");
        Assert.True(results.SequenceEqual(["call 0", "call 1", "call 2", "call 3", "call 4"]),
            $"The results came back as [{string.Join(", ", results)}]. They must be in the order of the input " +
            "(Task.WhenAll keeps that order), not in the order the calls finished.");
    }

    [Fact]
    public async Task Repeated_items_each_get_their_own_result()
    {
        int[] items = [3, 3, 5, 3];
        var calls = 0;

        var gathering = await Start(items, async x =>
        {
            Interlocked.Increment(ref calls);
            await Task.Yield();
            return x * x;
        });
        var results = await Within.Await(gathering, "Gather.AllAsync did not finish for four quick calls.");

        Assert.True(results.SequenceEqual([9, 9, 25, 9]),
            $"For the items [3, 3, 5, 3] the results were [{string.Join(", ", results)}], not [9, 9, 25, 9]. An item can " +
            "appear more than once: keep each result at its call's position (Task.WhenAll does), not at items.IndexOf(item).");
        Assert.True(calls == 4, $"{calls} calls were made for 4 items: make exactly one call per item.");
    }

    [Fact]
    public async Task A_failure_comes_out_only_once_every_call_has_ended()
    {
        var context = new CatchingContext();
        var slow = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // Call 0 fails at once, call 1 is still running, call 2 fails at once too.
            var gathering = await Start(Enumerable.Range(0, 3), async i =>
            {
                await Task.Yield();
                return i switch
                {
                    0 => throw new InvalidOperationException("call 0 failed"),
                    1 => await slow.Task,
                    _ => throw new ArgumentException("call 2 failed"),
                };
            }, context);

            Assert.True(context.AsyncVoidStarted == 0,
                "Gather.AllAsync started its calls from `async void` methods. An exception in an async void method never " +
                "reaches the caller and crashes the program instead: return a Task and await the tasks with Task.WhenAll.");
            await Task.WhenAny(gathering, Task.Delay(TimeSpan.FromMilliseconds(200)));
            Assert.False(gathering.IsCompleted,
                "Gather.AllAsync ended while call 1 was still running, as soon as an earlier call failed. Awaiting the tasks " +
                "one by one throws at the first failure and leaves the others running, unwatched: await Task.WhenAll, " +
                "which waits for every call.");

            slow.SetResult(1);
            var outcome = await Within.Outcome(gathering, "Gather.AllAsync did not finish after every call had ended.");
            Assert.True(outcome is InvalidOperationException or ArgumentException,
                $"Two calls failed, but Gather.AllAsync ended with {outcome?.GetType().Name ?? "results"}. Let the exception " +
                "of a failing call come out of await Task.WhenAll: do not catch it, and do not make up a result for it.");
            Assert.Null(context.Caught);
        }
        finally
        {
            slow.TrySetResult(1);
        }
    }

    [Fact]
    public async Task No_items_give_no_results()
    {
        var results = await Within.Await(
            await Start(Array.Empty<int>(), x => Task.FromResult(x)),
            "Gather.AllAsync did not finish for an empty input.");

        Assert.Empty(results);
    }

    // Calls Gather.AllAsync on another thread, under a CatchingContext, with a limit: a gather that blocks fails here
    // (after `whenBlocked` has freed its calls, so the blocked thread can end) instead of hanging the run.
    private static async Task<Task<TResult[]>> Start<TItem, TResult>(
        IEnumerable<TItem> items,
        Func<TItem, Task<TResult>> call,
        CatchingContext? context = null,
        Action? whenBlocked = null)
    {
        // StartNew, not Task.Run: Task.Run would unwrap the returned task and wait for the whole gather.
        var starting = Task.Factory.StartNew(
            () => (context ?? new CatchingContext()).Run(() => Gather.AllAsync(items, call)),
            CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        try
        {
            return await Within.Await(starting, CallerBlocked, TimeSpan.FromSeconds(5));
        }
        catch
        {
            whenBlocked?.Invoke();
            throw;
        }
    }
}
