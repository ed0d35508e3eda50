using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace NotebookHost;

// Why in process, and not the tool's `stdio` backend: VS Code's Polyglot Notebooks and the .net-csharp
// Jupyter kernel run this same CSharpKernel, configured as below, so hosting it gives the same compiler,
// formatter and #r "nuget:", with typed events instead of a JSON protocol, no tool to install before
// `dotnet test`, and no child process to hunt down when a cell hangs. CI still runs every .ipynb on the
// real tool, under Jupyter's nbconvert, so both paths are exercised.

/// <summary>Makes the C# kernel a notebook runs on.</summary>
public static class NotebookKernel
{
    /// <summary>
    /// A C# kernel as the dotnet-interactive tool makes one: #r "nuget:" adds the restored assemblies, and the
    /// kernel helpers (display, ...) are imported. Its Roslyn compiles C# 14, the language the repository pins.
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
        // The one change from the tool's kernel: cells are compiled with debug information, so that a stack trace
        // says "in :line 3" and an error can name its line in the cell. The script options are a private field;
        // if a later version renames it, errors simply name no line.
        var field = typeof(CSharpKernel).GetField("_scriptOptions", BindingFlags.NonPublic | BindingFlags.Instance);
        if (field?.GetValue(kernel) is ScriptOptions options)
        {
            field.SetValue(kernel, options.WithEmitDebugInformation(true).WithFileEncoding(Encoding.UTF8));
        }

        return kernel;
    }
}
