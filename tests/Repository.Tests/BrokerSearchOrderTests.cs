using Broker;

namespace Repository.Tests;

// The broker's search order has one home, RabbitBroker.SearchOrder; the README and CONTRIBUTING quote it word for word.
public class BrokerSearchOrderTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("CONTRIBUTING.md")]
    public void The_docs_list_the_brokers_in_the_order_the_code_tries_them(string file)
    {
        var quoted = QuotedList(RepositoryFiles.Read(file));

        Assert.True(quoted.SequenceEqual(RabbitBroker.SearchOrder),
            $"{file}'s numbered list after \"the first broker\" must be RabbitBroker.SearchOrder (tools/Broker/RabbitBroker.cs), one item a line:\n" +
            string.Concat(RabbitBroker.SearchOrder.Select((item, index) => $"{index + 1}. {item}{(index + 1 < RabbitBroker.SearchOrder.Count ? ";" : ".")}\n")) +
            $"It holds:\n{string.Join('\n', quoted)}");
    }

    // The numbered lines after the first line that speaks of "the first broker", without their number and closing mark.
    private static List<string> QuotedList(string markdown) =>
        markdown.Split('\n')
            .SkipWhile(line => !line.Contains("the first broker", StringComparison.Ordinal))
            .Skip(1)
            .SkipWhile(line => line.Trim().Length == 0)
            .TakeWhile(line => line.Length > 3 && char.IsDigit(line[0]) && line[1..].StartsWith(". ", StringComparison.Ordinal))
            .Select(line => line[3..].TrimEnd().TrimEnd(';', '.'))
            .ToList();
}
