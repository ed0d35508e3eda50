using Xunit.Sdk;

namespace Generators.Tests;

// Kata 3: an infinite sequence, made safe by laziness.
// Wrong answers these tests reject (the full list is tests/WrongAnswers/01-Generators/InfiniteSequences/):
//   - computing "enough" numbers into a list first (say 100): the producer runs far ahead of the consumer;
//   - making numbers in batches: Take(3) still makes ten;
//   - a finite sequence, or int arithmetic: the 91st number is missing or wrong;
//   - Fib(n) by plain recursion for each number: the 91st number does not come within seconds;
//   - an eager infinite loop: the budget below stops it after 10,000 numbers with a clear message, instead of hanging;
//   - a producer thread: `produced` runs off the consumer's thread.
public class InfiniteSequencesTests
{
    private const long Ninetieth = 2_880_067_194_370_816_120L;

    [Fact]
    public void The_first_fifteen_Fibonacci_numbers()
    {
        var first = InfiniteSequences.Fibonacci(Budget()).Take(15);

        Snapshot.Match(string.Join(" ", first));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void Take_makes_the_producer_stop_exactly_where_the_consumer_stops(int count)
    {
        var produced = 0;
        var budget = Budget();

        var taken = InfiniteSequences.Fibonacci(x => { produced++; budget(x); }).Take(count).ToList();

        Assert.Equal(count, taken.Count);
        Assert.True(produced == count, $"Taking {count} number(s) made the sequence produce {produced}. It must produce one number per request.");
    }

    [Fact]
    public void Producer_and_consumer_take_turns()
    {
        var log = new List<string>();
        var budget = Budget();

        foreach (var number in InfiniteSequences.Fibonacci(x => { log.Add($"produce {x}"); budget(x); }).Take(4))
        {
            log.Add($"consume {number}");
        }

        string[] expected = ["produce 0", "consume 0", "produce 1", "consume 1", "produce 1", "consume 1", "produce 2", "consume 2"];
        Assert.True(log.SequenceEqual(expected),
            $"The log was [{string.Join(", ", log)}]. Call produced with each number just before yield return, " +
            "so that making a number and using it take turns.");
    }

    [Fact]
    public async Task The_sequence_goes_on_as_far_as_you_ask()
    {
        // On a thread of the test's own, with a limit: a sequence that gets slower with every number fails, it does not hang.
        // Once the test has given up, the next number stops the work instead of letting it run on in the background.
        using var gaveUp = new CancellationTokenSource();
        List<long> first91;
        try
        {
            first91 = await Within.Run(() =>
            {
                var budget = Budget();
                return InfiniteSequences.Fibonacci(x => { gaveUp.Token.ThrowIfCancellationRequested(); budget(x); }).Take(91).ToList();
            }, "The first 91 Fibonacci numbers did not arrive. If each number is computed from scratch (Fib(n - 1) + Fib(n - 2)), " +
               "the work doubles with every step; keep the last two numbers and add them.", TimeSpan.FromSeconds(5));
        }
        finally
        {
            await gaveUp.CancelAsync();
        }

        Assert.True(first91.Count == 91,
            $"The sequence ended after {first91.Count} numbers. It must go on for ever: loop with while (true).");
        Assert.True(first91[90] == Ninetieth,
            $"The 91st number (index 90) should be {Ninetieth:N0} but was {first91[90]:N0}. Keep the numbers in long: an int overflows after 46 steps.");
    }

    [Fact]
    public async Task Runs_on_the_consumers_thread()
    {
        var witness = await Within.Run(() =>
        {
            var seen = new ThreadWitness();
            foreach (var number in InfiniteSequences.Fibonacci(seen.Watch<long>(_ => { })).Take(5))
            {
                seen.Saw();
            }
            return seen;
        }, "Taking 5 numbers did not finish. An iterator needs no threads or hand-overs: write while (true) with yield return.",
            TimeSpan.FromSeconds(5));

        witness.AssertOnlyTheConsumersThread("produced");
    }

    // Throws once the producer has run far past anything these tests ask for,
    // so an eager implementation fails with a message instead of looping for ever.
    // Made on the consumer's thread; on any other thread it parks that thread instead of throwing,
    // because an exception there would crash the test host (the thread test reports the thread).
    private static Action<long> Budget(int limit = 10_000)
    {
        var count = 0;
        var consumer = Environment.CurrentManagedThreadId;
        return _ =>
        {
            if (Interlocked.Increment(ref count) > limit)
            {
                if (Environment.CurrentManagedThreadId != consumer)
                {
                    Thread.Sleep(Timeout.Infinite);
                }
                throw new XunitException(
                    $"The sequence produced more than {limit:N0} numbers although the test asked for far fewer. " +
                    "An infinite sequence must be lazy: yield return each number inside while (true).");
            }
        };
    }
}
