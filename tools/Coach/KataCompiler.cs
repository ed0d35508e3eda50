using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Coach;

/// <summary>
/// Compiles your kata project in this process and puts the assembly where the section's tests will load it.
/// Why not `dotnet build`: on a busy 2-core machine it takes 5 to 20 s even when little has changed, most of it
/// MSBuild evaluating projects. The compiler in a process that is already running takes a fraction of a second, with
/// the sources, references and options that MSBuild resolved once (<see cref="SectionBuild"/>).
/// Like the build, it treats warnings as errors (TreatWarningsAsErrors is on in this repository). Unlike it, it
/// does not run the SDK's code analyzers.
/// </summary>
internal sealed class KataCompiler(KataCompileInputs inputs)
{
    private readonly MetadataReference[] _references = inputs.References.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToArray();
    private readonly CSharpParseOptions _parseOptions = new CSharpParseOptions(
            LanguageVersionFacts.TryParse(inputs.LangVersion, out var version) ? version : LanguageVersion.Latest,
            DocumentationMode.None)
        .WithPreprocessorSymbols(inputs.DefineConstants);

    public static bool IsLearnerSource(string kataFolder, string path) =>
        path.StartsWith(kataFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        && !Path.GetRelativePath(kataFolder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    /// <summary>Writes the kata assembly into <paramref name="outputFolder"/>. Returns null, or the first errors, one per line.</summary>
    public string? Compile(string root, string outputFolder)
    {
        var learnerSources = Directory.EnumerateFiles(inputs.KataFolder, "*.cs", SearchOption.AllDirectories)
            .Where(path => IsLearnerSource(inputs.KataFolder, path))
            .Order(StringComparer.Ordinal);
        var trees = learnerSources.Concat(inputs.OtherSources)
            .Select(source => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(source), Encoding.UTF8), _parseOptions, source))
            .ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: inputs.NullableEnabled ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                optimizationLevel: OptimizationLevel.Debug,
                generalDiagnosticOption: ReportDiagnostic.Error)
            .WithSpecificDiagnosticOptions(inputs.NoWarn.Where(id => id.Length > 0)
                .Select(id => KeyValuePair.Create(char.IsDigit(id[0]) ? $"CS{id.PadLeft(4, '0')}" : id, ReportDiagnostic.Suppress)));
        var compilation = CSharpCompilation.Create(inputs.AssemblyName, trees, _references, options);

        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var result = compilation.Emit(assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
        {
            return string.Join("\n", result.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Take(5)
                .Select(d => Describe(root, d)));
        }
        File.WriteAllBytes(Path.Combine(outputFolder, inputs.AssemblyName + ".dll"), assembly.ToArray());
        File.WriteAllBytes(Path.Combine(outputFolder, inputs.AssemblyName + ".pdb"), symbols.ToArray());
        return null;
    }

    private static string Describe(string root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = span.Path is { Length: > 0 } path
            ? $"{Path.GetRelativePath(root, path).Replace('\\', '/')}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): "
            : "";
        return $"{where}{diagnostic.Id}: {diagnostic.GetMessage()}";
    }
}
