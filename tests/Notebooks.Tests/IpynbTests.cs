using System.Text.Json;
using NotebookHost;

namespace Notebooks.Tests;

// Each .dib has an .ipynb twin (for GitHub, JupyterLab and VS Code's Jupyter extension), written by
// `dotnet run --project tools/Notebook -- --export notebooks/<name>.dib`. These tests fail when a twin
// is missing or out of step: its cells differ from the .dib, or its outputs from the notebook's snapshot.
public class IpynbTests
{
    public static TheoryData<string> Notebooks => [.. Repository.NotebookNames];

    static string Regenerate(string notebook) =>
        $"Run: dotnet run --project tools/Notebook -- --export notebooks/{notebook}.dib, and commit notebooks/{notebook}.ipynb.";

    static Notebook ReadIpynb(string notebook)
    {
        var path = Repository.IpynbPath(notebook);
        Assert.True(File.Exists(path), $"notebooks/{notebook}.dib has no .ipynb twin. {Regenerate(notebook)}");
        return NotebookFile.Read(path, Repository.Display(path));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Holds_the_cells_of_its_dib_in_order(string notebook)
    {
        var dib = NotebookFile.Read(Repository.NotebookPath(notebook)).Cells.Select(c => $"#!{c.Kernel}\n{c.Text.TrimEnd()}").ToList();
        var ipynb = ReadIpynb(notebook).Cells.Select(c => $"#!{c.Kernel}\n{c.Text.TrimEnd()}").ToList();

        var firstDifference = Enumerable.Range(0, Math.Max(dib.Count, ipynb.Count))
            .FirstOrDefault(i => i >= dib.Count || i >= ipynb.Count || dib[i] != ipynb[i], -1);
        if (firstDifference >= 0)
        {
            Assert.Fail(
            $"notebooks/{notebook}.ipynb is out of step with its .dib from cell {firstDifference + 1} on " +
            $"(.dib: {Describe(dib, firstDifference)}; .ipynb: {Describe(ipynb, firstDifference)}). {Regenerate(notebook)}");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Holds_the_outputs_of_its_snapshot(string notebook)
    {
        var snapshotPath = Repository.SnapshotPath(notebook);
        Assert.True(File.Exists(snapshotPath), $"No snapshot for {notebook} yet: run dotnet test tests/Notebooks.Tests first.");
        var snapshot = File.ReadAllText(snapshotPath).Replace("\r\n", "\n").TrimEnd() + "\n";

        var stored = SnapshotText.Of(ReadIpynb(notebook));

        Assert.True(snapshot == stored,
            $"The outputs in notebooks/{notebook}.ipynb differ from its snapshot ({Repository.Display(snapshotPath)}). {Regenerate(notebook)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Opens_on_the_dotnet_csharp_kernel_with_mermaid_cells_that_jupyter_can_run(string notebook)
    {
        var path = Repository.IpynbPath(notebook);
        Assert.True(File.Exists(path), $"notebooks/{notebook}.dib has no .ipynb twin. {Regenerate(notebook)}");
        using var json = JsonDocument.Parse(File.ReadAllText(path));

        Assert.Equal(".net-csharp", json.RootElement.GetProperty("metadata").GetProperty("kernelspec").GetProperty("name").GetString());
        // Jupyter sends only a cell's source to the kernel: without its first line, mermaid would be compiled as C#.
        foreach (var cell in json.RootElement.GetProperty("cells").EnumerateArray())
        {
            var kernel = cell.GetProperty("metadata").TryGetProperty("polyglot_notebook", out var polyglot) ? polyglot.GetProperty("kernelName").GetString() : null;
            if (kernel != NotebookFile.Mermaid)
            {
                continue;
            }

            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(l => l.GetString()));
            Assert.StartsWith(NotebookFile.MermaidMagic + "\n", source);
        }
    }

    static string Describe(List<string> cells, int index) =>
        index < cells.Count ? $"'{cells[index].Split('\n').Skip(1).FirstOrDefault()}'" : "no cell";
}
