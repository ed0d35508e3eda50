using System.Text.Json;
using NotebookHost;

namespace Notebooks.Tests;

// A chart in a notebook is a value that displays as image/svg+xml beside its text/plain description: the
// terminal runner writes the SVG to a file, the snapshot keeps the description and the .ipynb the SVG.
[Collection(NotebookRuns.Name)]
public class SvgTests
{
    static async Task<NotebookResult> RunFixture()
    {
        var path = Path.Combine(Repository.FixturesFolder, "svg-chart.dib");
        var result = await NotebookRunner.RunFileAsync(path, Repository.Display(path));
        Assert.True(result.Succeeded, string.Join("\n", result.Cells.SelectMany(c => c.Errors)));
        return result;
    }

    static CellResult Cell(NotebookResult result, string firstLine) => result.CodeCells.Single(c => c.Cell.FirstLine == firstLine);

    [Fact]
    public async Task A_chart_keeps_its_svg_and_its_description()
    {
        var result = await RunFixture();

        var outputs = Cell(result, "// Two charts in one cell").Outputs;
        Assert.Equal(2, outputs.Count);
        Assert.StartsWith("<svg", outputs[0].Data[SvgFiles.MimeType]);
        Assert.Equal("[picture \"first\"]", outputs[0].Text);
        Assert.Contains("<circle", outputs[1].Data[SvgFiles.MimeType]);
        Assert.Equal("[picture \"second\"]", outputs[1].Text);
    }

    [Fact]
    public async Task The_terminal_writes_each_svg_to_a_file_named_after_its_cell()
    {
        var result = await RunFixture();
        var folder = Path.Combine(Path.GetTempPath(), "svg-files-" + Guid.NewGuid().ToString("N"));
        try
        {
            var charts = Cell(result, "// Two charts in one cell");
            var paths = SvgFiles.Write(charts, folder);

            Assert.Equal([Path.Combine(folder, $"cell-{charts.Cell.Number}.svg"), Path.Combine(folder, $"cell-{charts.Cell.Number}-2.svg")], paths);
            Assert.Contains("<rect", File.ReadAllText(paths[0]));
            Assert.Contains("<circle", File.ReadAllText(paths[1]));
            Assert.Empty(SvgFiles.Write(Cell(result, "// No chart"), folder));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Charts_go_to_a_folder_named_after_the_notebook()
    {
        Assert.Equal(Path.Combine("/repo", "artifacts", "charts", "02-threads-and-processes"),
            SvgFiles.FolderFor("/repo", "/repo/notebooks/02-threads-and-processes.dib"));
    }

    [Fact]
    public async Task The_snapshot_holds_the_description_and_the_ipynb_the_svg()
    {
        var result = await RunFixture();

        var snapshot = SnapshotText.Of(result);
        Assert.Contains("[picture \"first\"]\n[picture \"second\"]\n", snapshot);
        Assert.DoesNotContain("<svg", snapshot);

        using var ipynb = JsonDocument.Parse(Ipynb.Export(result));
        var outputs = ipynb.RootElement.GetProperty("cells").EnumerateArray()
            .SelectMany(c => c.TryGetProperty("outputs", out var o) ? o.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(o => o.TryGetProperty("data", out var data) && data.TryGetProperty(SvgFiles.MimeType, out _))
            .ToList();
        Assert.Equal(3, outputs.Count); // the chart of the sort-lines cell too
        Assert.Equal("display_data", outputs[0].GetProperty("output_type").GetString());
        Assert.Contains("<line", outputs[2].GetProperty("data").GetProperty(SvgFiles.MimeType).ToString());
        Assert.Contains("[picture \"third\"]\na\nb\n", snapshot); // sorted: "[" comes before "a"
    }
}
