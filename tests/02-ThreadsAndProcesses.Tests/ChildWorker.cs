using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ThreadsAndProcesses.Tests;

/// <summary>
/// Starts the section's child program (tests/02-ThreadsAndProcesses.Worker), which the build
/// copies next to these tests. Every child writes a file named after its process id into
/// <see cref="AnnounceDirectory"/> when it starts, so the test knows about every child a pool
/// started, even when the pool itself never tells.
/// </summary>
public sealed class ChildWorker : IDisposable
{
    public string AnnounceDirectory { get; } =
        Directory.CreateTempSubdirectory("threads-and-processes-").FullName;

    /// <summary>A fresh description of the child: the dotnet host running the worker's dll.</summary>
    public ProcessStartInfo StartInfo()
    {
        var info = new ProcessStartInfo(DotnetHost());
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ThreadsAndProcesses.Worker.dll"));
        info.ArgumentList.Add("square");
        info.ArgumentList.Add("--announce");
        info.ArgumentList.Add(AnnounceDirectory);
        return info;
    }

    /// <summary>The process ids of every child started so far.</summary>
    public IReadOnlyList<int> Started() =>
        [.. Directory.GetFiles(AnnounceDirectory).Select(file => int.Parse(Path.GetFileName(file))).Order()];

    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process any more
        }
        catch (InvalidOperationException)
        {
            return false; // it exited while we looked
        }
    }

    /// <summary>Kills any child a wrong answer left behind, so that one failing test cannot leak processes.</summary>
    public void Dispose()
    {
        foreach (var pid in Started())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
            }
        }
        Directory.Delete(AnnounceDirectory, recursive: true);
    }

    // The runtime lives in <dotnet root>/shared/Microsoft.NETCore.App/<version>/; the dotnet host
    // sits in <dotnet root>. Works the same on a laptop and in CI, whatever is on PATH.
    private static string DotnetHost()
    {
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
