using Microsoft.DotNet.Interactive.Documents;
using NotebookHost;

namespace Notebooks.Tests;

// Checks what VS Code and the katas rely on: a #!meta header naming the kernels, no empty cell (an empty cell is
// usually a doubled separator), and a cell named after every code cell of the seed presentation, since
// the katas' messages send learners to those cells ("read // In [6] in 01-generators.dib").
public class StructureTests
{
    // The seed presentation is not part of the repository, so its code cells are listed here, by section:
    // the notebook whose name starts with the key mirrors these cells.
    static readonly Dictionary<string, string[]> SeedCells = new()
    {
        ["01"] = ["In [6]", "In [4]"],                // Generators
        ["02"] = ["In [17]", "In [7]", "In [5]"],     // Multi-Threading & Multi-Processing
        ["03"] = ["In [25]", "In [37]"],              // Coroutines
        ["04"] = ["In [4]"],                          // Distributed Processing
    };

    public static TheoryData<string> Notebooks => [.. Repository.NotebookNames];

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Starts_with_a_meta_header_naming_the_csharp_kernel_and_every_kernel_it_uses(string notebook)
    {
        var path = Repository.NotebookPath(notebook);
        Assert.StartsWith("#!meta", File.ReadLines(path).FirstOrDefault() ?? "");

        // Read as VS Code reads it: with only the kernels that the #!meta line names.
        var meta = CodeSubmission.Parse(File.ReadAllText(path), new KernelInfoCollection()).GetKernelInfo();
        Assert.NotNull(meta);

        Assert.Equal("csharp", meta.DefaultKernelName);
        Assert.True(meta.Contains("csharp"), $"{notebook}.dib: the #!meta line does not name the csharp kernel.");
        // A kernel missing from #!meta turns its cells into part of the cell before them (a #!mermaid diagram
        // becomes a line of markdown), so every kernel the notebook uses must be named there.
        var used = NotebookFile.Read(path).Cells.Select(c => c.Kernel).Distinct();
        var unnamed = used.Where(kernel => !meta.Contains(kernel)).ToList();
        Assert.True(unnamed.Count == 0,
            $"{notebook}.dib has cells for {string.Join(", ", unnamed)}, which its #!meta line does not name: add them to its \"items\".");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Has_no_empty_cell(string notebook)
    {
        var parsed = NotebookFile.Read(Repository.NotebookPath(notebook));

        var empty = parsed.Cells.Where(c => c.Text.Trim().Length == 0).Select(c => $"cell {c.Number} (#!{c.Kernel})");

        Assert.True(!empty.Any(), $"{notebook}.dib has empty cells: {string.Join(", ", empty)}. Remove the doubled separator line.");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Mirrors_every_code_cell_of_its_seed_section(string notebook)
    {
        var section = notebook.Split('-')[0];
        if (!SeedCells.TryGetValue(section, out var seed))
        {
            return; // a notebook beyond the seed's sections
        }

        var names = NotebookFile.Read(Repository.NotebookPath(notebook)).CSharpCells.Select(c => c.FirstLine.Trim()).ToHashSet();

        var missing = seed.Where(label => !names.Contains($"// {label}")).ToList();
        Assert.True(missing.Count == 0,
            $"{notebook}.dib has no code cell whose first line is {string.Join(" or ", missing.Select(m => $"'// {m}'"))}; " +
            "every code cell of the seed section needs one.");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Uses_only_known_snapshot_annotations(string notebook)
    {
        var known = new[] { OutputScrubber.SortLines, OutputScrubber.SkipOutput };

        var unknown = NotebookFile.Read(Repository.NotebookPath(notebook)).CSharpCells
            .SelectMany(c => c.Lines.Select(l => (Cell: c.FirstLine, Line: l.Trim())))
            .Where(x => x.Line.StartsWith("// snapshot:", StringComparison.Ordinal) && !known.Contains(x.Line))
            .Select(x => $"'{x.Line}' in the cell {x.Cell}");

        Assert.True(!unknown.Any(),
            $"{notebook}.dib has an annotation the snapshot does not know (a typo is silently ignored): {string.Join(", ", unknown)}. " +
            $"Known: {string.Join(", ", known)}.");
    }
}
