/// <summary>
/// Which task of its kata a test checks, in the spirit of Exercism's <c>[Task(N)]</c>: the tests of a kata run
/// task by task (see <see cref="TaskOrderer"/>), so the first failure is the next thing to do.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TaskAttribute(int number) : Attribute
{
    public int Number { get; } = number;
}
