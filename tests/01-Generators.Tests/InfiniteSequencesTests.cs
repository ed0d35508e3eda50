using Xunit.Sdk;

namespace Generators.Tests;

// Kata 3: an infinite sequence, made safe by laziness.
// Wrong answers these tests reject:
//   - computing "enough" numbers into a list first (say 100): the producer runs far ahead of the consumer;
//   - a finite sequence: asking for the 90th number fails;
//   - an eager infinite loop: the budget below stops it after 10,000 numbers with a clear message, instead of hanging.
public class InfiniteSequencesTests
{
    [Fact]
    public void The_first_fifteen_Fibonacci_numbers()
    {
        var first = InfiniteSequences.Fibonacci(Budget()).Take(15);

        Snapshot.Match(string.Join(" ", first));
    }

    [Fact]
    public void Take_makes_the_producer_stop_exactly_where_the_consumer_stops()
    {
        var produced = 0;
        var budget = Budget();

        var ten = InfiniteSequences.Fibonacci(x => { produced++; budget(x); }).Take(10).ToList();

        Assert.Equal(10, ten.Count);
        Assert.True(produced == 10, $"Taking 10 numbers made the sequence produce {produced}. It must produce one number per request.");
    }

    [Fact]
    public void The_sequence_goes_on_as_far_as_you_ask()
    {
        var ninetieth = InfiniteSequences.Fibonacci(Budget()).ElementAt(90);

        Assert.Equal(2_880_067_194_370_816_120L, ninetieth);
    }

    // Throws once the producer has run far past anything these tests ask for,
    // so an eager implementation fails with a message instead of looping for ever.
    private static Action<long> Budget(int limit = 10_000)
    {
        var count = 0;
        return _ =>
        {
            if (++count > limit)
            {
                throw new XunitException(
                    $"The sequence produced more than {limit:N0} numbers although the test asked for far fewer. " +
                    "An infinite sequence must be lazy: yield return each number inside while (true).");
            }
        };
    }
}
