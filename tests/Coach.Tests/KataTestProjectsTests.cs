using Course;
using KataCheck;

namespace Coach.Tests;

// A kata's verdict includes every test class that judges it (issue #16), in whichever of the section's test projects it
// lives: section 4 keeps the systematic tests of Rpc's reply matching in a companion project of their own.
public sealed class KataTestProjectsTests
{
    private static readonly string Root = CourseManifest.FindRoot(AppContext.BaseDirectory)!;
    private static readonly CourseManifest Course = CourseManifest.Load(Root);

    [Theory]
    [InlineData("Rpc", "04-Distributed.Tests 04-Distributed.Systematic.Tests")]
    [InlineData("OneTask", "04-Distributed.Tests")]
    [InlineData("SharedCounter", "02-ThreadsAndProcesses.Tests")]
    [InlineData("SquareQueries", "01-Generators.Tests")]
    public void The_coach_runs_a_kata_in_each_test_project_that_declares_one_of_its_test_classes(string kata, string projects)
    {
        Assert.Equal(projects.Split(' '), SectionBuild.TestProjectsOf(Root, Course.Find(kata)!).Select(Path.GetFileName));
    }

    [Fact]
    public void The_test_classes_of_a_kata_are_its_own_and_its_systematic_tests()
    {
        Assert.Equal(["SharedCounterTests", "SharedCounterSystematicTests"], Course.Find("SharedCounter")!.TestClasses);
    }
}
