namespace Notebooks.Tests;

/// <summary>
/// Every test that runs a notebook belongs to this collection. A run sets the current
/// directory for the whole process, so two runs must never overlap; xunit runs this collection alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookRuns
{
    public const string Name = "Notebook runs";
}
