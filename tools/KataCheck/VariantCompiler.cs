using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using System.Text;

namespace KataCheck;

/// <summary>
/// Compiles a solution project with one file swapped for a wrong answer, in this process.
/// Why not `dotnet build` with the file swapped: that costs about 3 s a time on a 2-core machine, and the corpus has
/// hundreds of answers; the compiler in process takes a fraction of that, with the same sources, references and
/// options that MSBuild resolved once for the section (<see cref="CompileInputs"/>).
/// Source generators are not run: no solution uses one, and an answer that needs one says so as a compile error.
/// </summary>
public sealed class VariantCompiler(CompileInputs inputs)
{
    private readonly MetadataReference[] _references = inputs.References.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
    private readonly CSharpParseOptions _parseOptions = new CSharpParseOptions(
            LanguageVersionFacts.TryParse(inputs.LangVersion, out var version) ? version : LanguageVersion.Latest)
        .WithPreprocessorSymbols(inputs.DefineConstants);

    /// <summary>
    /// Writes the assembly (and its PDB, so stack traces name the answer's lines) to <paramref name="outputFolder"/>.
    /// Returns null when it compiled, or the compiler's errors.
    /// </summary>
    public string? Compile(WrongAnswer answer, string outputFolder)
    {
        var replaced = Path.GetFullPath(Path.Combine(inputs.ProjectFolder, answer.Replaces));
        if (!inputs.Sources.Contains(replaced))
        {
            return $"'Replaces: {answer.Replaces}' names no source file of {Path.GetFileName(inputs.ProjectFolder)}";
        }
        var trees = inputs.Sources
            .Select(source => source == replaced ? answer.Path : source)
            .Select(source => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(source), Encoding.UTF8), _parseOptions, source))
            .ToList();
        var options = new CSharpCompilationOptions(inputs.IsExecutable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: inputs.NullableEnabled ? NullableContextOptions.Enable : NullableContextOptions.Disable,
            optimizationLevel: OptimizationLevel.Debug,
            allowUnsafe: true);
        var compilation = CSharpCompilation.Create(inputs.AssemblyName, trees, _references, options);

        using var assembly = File.Create(Path.Combine(outputFolder, inputs.AssemblyName + ".dll"));
        using var symbols = File.Create(Path.Combine(outputFolder, inputs.AssemblyName + ".pdb"));
        var result = compilation.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        return result.Success
            ? null
            : string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString()));
    }
}
