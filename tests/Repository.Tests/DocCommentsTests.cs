using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Repository.Tests;

/// <summary>
/// A kata's contract is the doc comments of its stub; the solution repeats them so that a reader of the reference
/// sees the same contract (and so that a corpus answer, a copy of the solution, carries it too). Written twice, the
/// two drift apart, so this test holds every public member's comment in solutions/ to the stub's, word for word.
/// The stub alone may add the coach's "Stuck?" remark, and the solution may add comments inside its code.
/// </summary>
public class DocCommentsTests
{
    public static TheoryData<string> StubFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in RepositoryFiles.SourceFiles("katas").Where(f => f.StartsWith('0') && !f.Contains("/Given/")))
        {
            files.Add(file);
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(StubFiles))]
    public void The_solution_repeats_the_stubs_doc_comments(string file)
    {
        var solutionPath = RepositoryFiles.PathOf($"solutions/{file}");
        Assert.True(File.Exists(solutionPath), $"katas/{file} has no solution file solutions/{file}.");

        var stub = PublicDocComments(RepositoryFiles.Read($"katas/{file}"));
        var solution = PublicDocComments(File.ReadAllText(solutionPath));

        var problems = new List<string>();
        foreach (var (member, comment) in stub)
        {
            if (!solution.TryGetValue(member, out var solutionComment))
            {
                problems.Add($"{member}: public in the stub, missing (or without a doc comment) in the solution");
            }
            else if (solutionComment != comment)
            {
                problems.Add($"{member}: the doc comments differ.\n    stub:     {comment}\n    solution: {solutionComment}");
            }
        }
        problems.AddRange(solution.Keys.Except(stub.Keys).Select(member => $"{member}: public in the solution only; add it to the stub"));
        Assert.True(problems.Count == 0,
            $"katas/{file} and solutions/{file} must give the same contract. Copy the stub's comment into the solution:\n  " +
            string.Join("\n  ", problems));
    }

    /// <summary>Each public member's doc comment, by a key made of its kind, name and parameter types.</summary>
    private static Dictionary<string, string> PublicDocComments(string source)
    {
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        var tree = CSharpSyntaxTree.ParseText(source);
        foreach (var member in tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>())
        {
            // Public to a learner: public, inside public types only (a solution's private helper types do not count).
            var visible = member.AncestorsAndSelf().OfType<MemberDeclarationSyntax>()
                .All(m => m is BaseNamespaceDeclarationSyntax || m.Modifiers.Any(SyntaxKind.PublicKeyword));
            if (!visible || Key(member) is not { } key)
            {
                continue;
            }
            var documentation = member.GetLeadingTrivia()
                .Select(trivia => trivia.GetStructure())
                .OfType<DocumentationCommentTriviaSyntax>()
                .FirstOrDefault();
            if (documentation is null)
            {
                continue;
            }
            var elements = documentation.Content.OfType<XmlElementSyntax>()
                .Where(element => !(element.StartTag.Name.LocalName.Text == "remarks" && element.ToString().Contains("Stuck?", StringComparison.Ordinal)))
                .Select(element => Normalise(element.ToString()));
            comments[key] = string.Join(" ", elements);
        }
        return comments;
    }

    private static string? Key(MemberDeclarationSyntax member) => member switch
    {
        BaseTypeDeclarationSyntax type => $"type {type.Identifier.Text}",
        DelegateDeclarationSyntax @delegate => $"delegate {@delegate.Identifier.Text}",
        MethodDeclarationSyntax method => $"{Owner(method)}.{method.Identifier.Text}{Parameters(method.ParameterList)}",
        ConstructorDeclarationSyntax constructor => $"{Owner(constructor)}.ctor{Parameters(constructor.ParameterList)}",
        PropertyDeclarationSyntax property => $"{Owner(property)}.{property.Identifier.Text}",
        IndexerDeclarationSyntax indexer => $"{Owner(indexer)}.this{Parameters(indexer.ParameterList)}",
        EventDeclarationSyntax @event => $"{Owner(@event)}.{@event.Identifier.Text}",
        EventFieldDeclarationSyntax field => $"{Owner(field)}.{string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.Text))}",
        FieldDeclarationSyntax field => $"{Owner(field)}.{string.Join(",", field.Declaration.Variables.Select(v => v.Identifier.Text))}",
        _ => null,
    };

    private static string Owner(SyntaxNode member) =>
        member.Parent is BaseTypeDeclarationSyntax type ? type.Identifier.Text : "?";

    private static string Parameters(BaseParameterListSyntax parameters) =>
        "(" + string.Join(",", parameters.Parameters.Select(p => p.Type?.ToString() ?? "")) + ")";

    /// <summary>Line breaks and the leading slashes differ with the layout of the code around the comment, not its words.</summary>
    private static string Normalise(string xml) =>
        string.Join(" ", xml.Split('\n').Select(line => line.Trim().TrimStart('/').Trim()).Where(line => line.Length > 0));
}
