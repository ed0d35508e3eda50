using System.Runtime.InteropServices;

// Internal, and outside any namespace, on purpose: kata and solution projects, test projects and tools compile this
// file, and a notebook cell loads it with #load "../katas/Shared/DotnetHost.cs" (a script cannot declare a namespace).

/// <summary>The dotnet host (the `dotnet` program) that starts an assembly as a program of its own: `dotnet exec x.dll`.</summary>
internal static class DotnetHost
{
    /// <summary>
    /// The host of the runtime this process runs on. The runtime lives in &lt;dotnet root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/
    /// and the host in &lt;dotnet root&gt;, on a laptop, in CI and in a notebook's kernel alike, whatever `dotnet` is first on the
    /// PATH; "dotnet" (the PATH's) only where that layout is missing.
    /// </summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var root = System.IO.Path.GetFullPath(System.IO.Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return System.IO.File.Exists(host) ? host : "dotnet";
    }
}
