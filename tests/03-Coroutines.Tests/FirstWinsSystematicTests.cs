namespace Coroutines.Tests;

// Systematic tests for first wins (kata 6): two contenders finish close together, in an order Coyote chooses, while a
// third only stops once it is cancelled, and takes a moment to do so. The test's own Task.WhenAny over the two says
// which finished first. Each run checks that the race ends with the first one's result (or exception), and only
// once the third has been cancelled and has stopped.
// Wrong answers they reject (tests/WrongAnswers/03-Coroutines/FirstWins): race-last-finisher-wins (a shared variable
// that every contender writes as it finishes), returning without waiting for the losers to stop.
// Not reached: a claim made in two steps (`if (winner is null) winner = task;`) by contenders that finish at the
// same moment. Coyote could switch between the two steps, but found no run where the loser claimed last in 2000.
// Alone, after the other classes: Coyote takes over the scheduling of the tasks it runs, and tasks left behind by
// another class's test (a race that never returned) must not wake up inside one of its runs.
[Collection(nameof(OneAtATime))]
public class FirstWinsSystematicTests
{
    // Far more turns than a race needs to cancel c once a or b has finished (a few dozen at most).
    private const int GiveUpAfterTurns = 300;

    private static readonly Lesson Lesson = new("FirstWins", "03-coroutines.dib", "Going further: first wins with WhenAny",
        "tests/03-Coroutines.Tests");

    [Fact]
    public void The_first_to_finish_wins_even_when_another_finishes_right_after_it()
    {
        Systematic.Explore(Lesson, iterations: 60, async steps =>
        {
            // a answers "a" and b fails, both after one step that lets Coyote choose who finishes first. c only stops
            // when it is cancelled, and takes a moment to do so.
            Task<string>? a = null, b = null;
            var cStopped = false;
            var cCancelled = false;
            Func<CancellationToken, Task<string>>[] contenders =
            [
                token => a = Finish("a", steps, () => "a"),
                token => b = Finish("b", steps, () => throw new InvalidOperationException("b broke")),
                async token =>
                {
                    // Coyote runs c one step at a time too: it keeps going until its token says stop. (A token callback
                    // that completes a TaskCompletionSource would do in real code, but Coyote notices it only late.)
                    // A race that never cancels c would wait for it for ever: c gives up after many turns instead.
                    for (var turn = 0; !token.IsCancellationRequested; turn++)
                    {
                        if (turn == GiveUpAfterTurns)
                        {
                            steps.Step("contender c", "was never told to stop, and gives up");
                            return "c";
                        }
                        await Task.Yield();
                    }
                    cCancelled = true;
                    steps.Step("contender c", "is told to stop, and cleans up");
                    await Task.Yield();
                    cStopped = true;
                    steps.Step("contender c", "has stopped");
                    throw new OperationCanceledException(token);
                },
            ];

            var racing = FirstWins.RaceAsync(contenders);
            if (a is null || b is null)
            {
                steps.Check(false, "RaceAsync returned its task before it had started every contender. Start them all at once " +
                    "(contenders.Select(c => c(race.Token)).ToList()), then await Task.WhenAny.");
                return;
            }
            // Task.WhenAny is completed by the first task to finish, at the moment it finishes: the test's own referee.
            // When a and b had both finished before the race even returned its task, nobody can say which was first.
            var bothFinishedAlready = a.IsCompleted && b.IsCompleted;
            var referee = Task.WhenAny(a, b);

            string outcome;
            try
            {
                outcome = $"\"{await racing}\"";
            }
            catch (Exception problem) when (problem is not NotImplementedException)
            {
                outcome = problem is InvalidOperationException { Message: "b broke" }
                    ? "b's exception"
                    : $"{problem.GetType().Name} ({problem.Message})";
            }
            var first = await referee == a ? "a" : "b";
            steps.Step("the test", $"RaceAsync ended with {outcome}");

            var expected = first == "a" ? "\"a\"" : "b's exception";
            var loser = first == "a" ? "b's exception" : "\"a\"";
            steps.Check(outcome == expected || (bothFinishedAlready && outcome == loser),
                outcome == loser
                    ? $"contender {first} finished first, so RaceAsync should have ended with {expected}, but it ended with " +
                      $"{outcome}: the loser won. Take the winner from `await Task.WhenAny(tasks)`, which returns the task " +
                      "that finished first."
                    : $"contender {first} finished first, so RaceAsync should have ended with {expected}, but it ended with " +
                      $"{outcome}. What the losers end with as they stop is not the caller's business: wait for them inside a " +
                      "try whose catch takes every exception, then `return await winner;`.",
                why: outcome == loser
                    ? $"{first} finished first, but the code that runs after each contender ran for the other " +
                      "one first, and it was that code that picked the winner. After a task finishes, what comes after its " +
                      "await runs a moment later, and the contender that finished second can get there first."
                    : null);
            steps.Check(cCancelled && cStopped,
                cCancelled
                    ? "RaceAsync returned while contender c was still stopping. After cancelling the losers, wait for them " +
                      "to end (await Task.WhenAll(tasks) in a try, with a catch that takes whatever they end with)."
                    : "RaceAsync returned, but contender c's token was never cancelled, so it would run on for good. Give " +
                      "every contender the token of one linked CancellationTokenSource and cancel it once the winner is known.",
                why: cCancelled
                    ? "Cancel only asks the losers to stop; they stop a moment later, on their own. Returning at once leaves " +
                      "them running behind the caller's back."
                    : null);
        });
    }

    // A contender that lets Coyote run something else first, then finishes with `result` (which may throw).
    private static async Task<string> Finish(string name, Interleaving steps, Func<string> result)
    {
        await Task.Yield();
        steps.Step($"contender {name}", name == "a" ? "finishes with \"a\"" : "fails with 'b broke'");
        return result();
    }
}
