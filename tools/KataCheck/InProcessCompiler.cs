using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace KataCheck;

/// <summary>
/// Compiles a project in this process, with the sources, references and options MSBuild resolved once
/// (<see cref="CompileInputs"/>), and writes its assembly where a section's tests will load it.
/// Why not `dotnet build`: on a busy 2-core machine it takes 3 to 20 s even when little has changed, most of it MSBuild
/// evaluating projects; the compiler in a process that is already running takes a fraction of a second. The coach
/// compiles your kata this way at each save, and the maintainer check each wrong answer of the corpus.
/// Neither the SDK's code analyzers nor source generators run: no kata or solution uses one.
/// </summary>
public sealed class InProcessCompiler(CompileInputs inputs, string root, bool warningsAsErrors)
{
    private readonly MetadataReference[] _references = inputs.References.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
    private readonly CSharpParseOptions _parseOptions = new CSharpParseOptions(
            LanguageVersionFacts.TryParse(inputs.LangVersion, out var version) ? version : LanguageVersion.Latest,
            DocumentationMode.None)
        .WithPreprocessorSymbols(inputs.DefineConstants);

    /// <summary>
    /// Compiles <paramref name="sources"/> and writes the assembly (and its PDB, so that stack traces name the lines)
    /// into <paramref name="outputFolder"/>. Returns null, or the first errors, one per line, with paths from the repository.
    /// A failed compile leaves the folder as it was.
    /// </summary>
    public string? Compile(IEnumerable<string> sources, string outputFolder)
    {
        var trees = sources
            .Select(source => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(source), Encoding.UTF8), _parseOptions, source))
            .ToList();
        var options = new CSharpCompilationOptions(inputs.IsExecutable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: inputs.NullableEnabled ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                optimizationLevel: OptimizationLevel.Debug,
                allowUnsafe: true,
                generalDiagnosticOption: warningsAsErrors ? ReportDiagnostic.Error : ReportDiagnostic.Default)
            .WithSpecificDiagnosticOptions(inputs.NoWarn.Where(id => id.Length > 0)
                .Select(id => KeyValuePair.Create(char.IsDigit(id[0]) ? $"CS{id.PadLeft(4, '0')}" : id, ReportDiagnostic.Suppress)));
        var compilation = CSharpCompilation.Create(inputs.AssemblyName, trees, _references, options);

        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
        {
            return string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(Describe));
        }
        File.WriteAllBytes(Path.Combine(outputFolder, inputs.AssemblyName + ".dll"), assembly.ToArray());
        File.WriteAllBytes(Path.Combine(outputFolder, inputs.AssemblyName + ".pdb"), symbols.ToArray());
        return null;
    }

    private string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = span.Path is { Length: > 0 } path
            ? $"{Path.GetRelativePath(root, path).Replace('\\', '/')}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): "
            : "";
        return $"{where}{diagnostic.Id}: {diagnostic.GetMessage()}";
    }
}
