using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookHost;

// Why in process, and not the tool's `stdio` backend: the C# kernel that VS Code's Polyglot Notebooks
// starts (dotnet-interactive stdio) and the .net-csharp Jupyter kernel are this same CSharpKernel,
// configured as below. Hosting it here gives the same compiler, formatter and #r "nuget:" behaviour,
// with typed events (diagnostics with positions, each output with all its MIME types) instead of a JSON
// protocol to parse, no tool to install before `dotnet test`, and one process that the tests control:
// a hung cell is given up without a child process to hunt down. The real tool still runs every .ipynb
// in CI, under Jupyter's nbconvert, so both paths are exercised.

/// <summary>Makes the C# kernel a notebook runs on.</summary>
public static class NotebookKernel
{
    /// <summary>
    /// A C# kernel as the dotnet-interactive tool makes one: #r "nuget:" adds the restored assemblies,
    /// and the kernel helpers (display, ...) are imported. The kernel's Roslyn (5.0) compiles C# 14 as
    /// its latest version, the language the repository pins, so the version needs no setting.
    /// </summary>
    public static CSharpKernel Create()
    {
        var kernel = new CSharpKernel()
            .UseNugetDirective((k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            }, false)
            .UseKernelHelpers();
        EmitLineNumbers(kernel);
        return kernel;
    }

    // The one change from the tool's kernel: cells are compiled with debug information, so that a stack
    // trace says "in :line 3" and a runtime error can name its line within the cell. The kernel keeps its
    // script options in a private field; if a later version renames it, errors simply name no line.
    static void EmitLineNumbers(CSharpKernel kernel)
    {
        var field = typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.NonPublic | BindingFlags.Instance);
        if (field?.GetValue(kernel) is ScriptOptions options)
        {
            field.SetValue(kernel, options.WithEmitDebugInformation(true).WithFileEncoding(Encoding.UTF8));
        }
    }
}
