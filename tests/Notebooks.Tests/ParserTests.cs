using NotebookEngine;

namespace Notebooks.Tests;

// The .dib format as VS Code reads it (see tools/NotebookEngine/DibParser.cs).
public class ParserTests
{
    static Notebook Parse(string text) => DibParser.Parse(text, "/tmp/x.dib", "x.dib");

    [Fact]
    public void Cells_start_at_exact_separators_and_are_trimmed_of_empty_lines()
    {
        var notebook = Parse("#!meta\n{\"kernelInfo\":{}}\n\n#!markdown\n\n# Title\n\n#!csharp\n\n// In [1]\n  \nvar x = 1;\n\n\n#!c#\nx\n#!mermaid\ngraph LR\n");

        Assert.Equal([CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Mermaid], notebook.Cells.Select(c => c.Kind));
        Assert.Equal("# Title", notebook.Cells[0].Text);
        Assert.Equal("// In [1]\n  \nvar x = 1;", notebook.Cells[1].Text); // a whitespace-only line is kept, as in VS Code
        Assert.Equal("// In [1]", notebook.Cells[1].FirstLine);
        Assert.Equal(10, notebook.Cells[1].FileLine);
        Assert.NotNull(notebook.Meta);
    }

    [Fact]
    public void A_separator_with_anything_after_it_does_not_start_a_cell()
    {
        var notebook = Parse("#!csharp\nvar a = 1;\n#!csharp \nvar b = 2;\n#!set --name x\n");

        var cell = Assert.Single(notebook.Cells);
        Assert.Equal("var a = 1;\n#!csharp \nvar b = 2;\n#!set --name x", cell.Text);
    }

    [Fact]
    public void Text_before_the_first_separator_is_a_csharp_cell_and_the_meta_block_is_optional()
    {
        var notebook = Parse("Console.WriteLine(1);\n#!md\nHello");

        Assert.Null(notebook.Meta);
        Assert.Equal([CellKind.Code, CellKind.Markdown], notebook.Cells.Select(c => c.Kind));
        Assert.Equal([1, 2], notebook.Cells.Select(c => c.Number));
    }
}
