namespace Distributed;

/// <summary>
/// What the task <c>fun(x)</c> returns: x, its square, and the id of the process that did the work,
/// so that you can see which worker ran it. Prints like the seed's tuple: <c>(3, 9, PID 4242)</c>.
/// </summary>
public sealed record FunResult(int X, int Square, int Pid)
{
    public override string ToString() => $"({X}, {Square}, PID {Pid})";
}

/// <summary>The task ran, but failed for good (the worker gave up and dead-lettered it). Celery calls this state FAILURE.</summary>
public sealed class TaskFailedException(string message) : Exception(message);
