using System.Diagnostics;

namespace ThreadsAndProcesses.Tests;

/// <summary>
/// Starts the section's child program (katas/02-ThreadsAndProcesses/Given/Program.cs, in the section's assembly), which the build
/// copies next to these tests. Every child writes a file named after its process id into
/// <see cref="AnnounceDirectory"/> when it starts, so the test knows about every child a pool
/// started, even when the pool itself never tells.
/// </summary>
public sealed class ChildProgram : IDisposable
{
    public string AnnounceDirectory { get; } =
        Directory.CreateTempSubdirectory("threads-and-processes-").FullName;

    /// <summary>Where lingering children say they reached the end of their input, and wait to be released.</summary>
    private string LingerDirectory { get; } =
        Directory.CreateTempSubdirectory("threads-and-processes-linger-").FullName;

    /// <summary>
    /// A fresh description of the child: the dotnet host running the section's dll as a program. A lingering child stays
    /// alive after its input closes, until <see cref="ReleaseLingering"/>; a garbling child answers one input
    /// with a line that is not a number.
    /// </summary>
    public ProcessStartInfo StartInfo(bool linger = false, long? garble = null)
    {
        var info = new ProcessStartInfo(DotnetHost.Path);
        // The dll beside the tests is the copy Coyote rewrote for the systematic tests, and it needs Microsoft.Coyote.dll,
        // which its own deps file does not list. The tests' deps file lists both, so the child starts with that one.
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add("--depsfile");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ThreadsAndProcesses.Tests.deps.json"));
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ThreadsAndProcesses.dll"));
        info.ArgumentList.Add("square");
        info.ArgumentList.Add("--announce");
        info.ArgumentList.Add(AnnounceDirectory);
        if (garble is { } broken)
        {
            // The child answers this input with a line that is not a number.
            info.ArgumentList.Add("--garble");
            info.ArgumentList.Add(broken.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (linger)
        {
            info.ArgumentList.Add("--linger");
            info.ArgumentList.Add(LingerDirectory);
        }
        return info;
    }

    /// <summary>How many lingering children have seen their standard input close.</summary>
    public int ReachedEndOfInput() => Directory.GetFiles(LingerDirectory, "eof-*").Length;

    /// <summary>Lets every lingering child exit.</summary>
    public void ReleaseLingering() => File.WriteAllText(Path.Combine(LingerDirectory, "release"), "");

    /// <summary>The process ids of every child started so far.</summary>
    public IReadOnlyList<int> Started() =>
        [.. Directory.GetFiles(AnnounceDirectory).Select(file => int.Parse(Path.GetFileName(file))).Order()];

    /// <summary>Kills any child a wrong answer left behind, so that one failing test cannot leak processes.</summary>
    public void Dispose()
    {
        ChildProcesses.KillLeftovers(Started(), "dotnet");
        Directory.Delete(AnnounceDirectory, recursive: true);
        Directory.Delete(LingerDirectory, recursive: true);
    }
}
