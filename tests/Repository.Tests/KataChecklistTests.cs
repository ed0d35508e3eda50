using Course;

namespace Repository.Tests;

// CONTRIBUTING's "Adding a kata" checklist, held for every kata of katas/course.json. The steps about the manifest
// itself (stub and solution files, test class, README row, notebook row, hints) are CourseManifestTests'; these are
// the others, which nothing else would notice missing.
public class KataChecklistTests
{
    private const int CorpusMinimum = 5;

    [Fact]
    public void Every_kata_has_a_snapshot_and_a_corpus_of_wrong_answers()
    {
        var missing = new List<string>();
        foreach (var kata in CourseManifest.Load(RepositoryFiles.Root).Katas)
        {
            var snapshots = RepositoryFiles.PathOf($"tests/{kata.Section}.Tests/__snapshots__");
            if (!Directory.Exists(snapshots) || Directory.GetFiles(snapshots, $"{kata.TestClass}.*.snap").Length == 0)
            {
                missing.Add($"{kata.Id}: no snapshot (tests/{kata.Section}.Tests/__snapshots__/{kata.TestClass}.*.snap); add a Snapshot.Match test");
            }
            var corpus = RepositoryFiles.PathOf($"tests/WrongAnswers/{kata.Section}/{kata.Id}");
            var answers = Directory.Exists(corpus) ? Directory.GetFiles(corpus, "*.cs").Length : 0;
            if (answers < CorpusMinimum)
            {
                missing.Add($"{kata.Id}: tests/WrongAnswers/{kata.Section}/{kata.Id}/ holds {answers} wrong answer(s); it needs at least {CorpusMinimum}, each rejected by the tests");
            }
        }
        Assert.True(missing.Count == 0, "A kata misses a step of CONTRIBUTING's \"Adding a kata\" checklist:\n" + string.Join('\n', missing));
    }
}
