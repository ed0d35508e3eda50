namespace Distributed.Tests;

/// <summary>
/// The test's side of <see cref="Fun"/>'s hold folder: a worker started with it signals each task it starts
/// (a file <c>started-X.PID</c>) and then holds that task until the test releases it. So the test knows, without
/// sleeping, that a task is in the middle of its work, and it decides when and in which order tasks finish.
/// </summary>
public sealed class HoldFolder : IDisposable
{
    public HoldFolder()
    {
        Path = Directory.CreateTempSubdirectory("katas-hold-").FullName;
    }

    public string Path { get; }

    /// <summary>The tasks started so far: (x, PID of the worker running it).</summary>
    public IReadOnlyList<(int X, int Pid)> Started() =>
        Directory.GetFiles(Path, "started-*")
            .Select(file => System.IO.Path.GetFileName(file)["started-".Length..].Split('.'))
            .Select(parts => (int.Parse(parts[0]), int.Parse(parts[1])))
            .ToList();

    /// <summary>Waits (at most <see cref="Within.Default"/>) until <paramref name="condition"/> holds for the started tasks.</summary>
    public Task WaitUntil(Func<IReadOnlyList<(int X, int Pid)>, bool> condition, Func<string> whatWentWrong) =>
        Within.Until(() => condition(Started()), whatWentWrong);

    public void Release(int x) => File.WriteAllText(System.IO.Path.Combine(Path, $"release-{x}"), "");

    public void ReleaseAll() => File.WriteAllText(System.IO.Path.Combine(Path, "release-all"), "");

    public void Dispose()
    {
        ReleaseAll();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
