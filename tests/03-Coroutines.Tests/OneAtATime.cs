namespace Coroutines.Tests;

/// <summary>
/// Test classes in this collection run on their own, after all the others: one of their tests caps the thread
/// pool for a moment, which must not slow down tests that happen to run at the same time.
/// </summary>
[CollectionDefinition(nameof(OneAtATime), DisableParallelization = true)]
public sealed class OneAtATime
{
}
