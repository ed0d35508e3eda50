using System.Text.Json;

namespace NotebookEngine;

// Why this file: the VS Code kernel restores `#r "nuget: ..."` from the internet. Here nothing may be
// downloaded at run time, and every version is pinned in Directory.Packages.props. So a notebook may
// load exactly the packages the engine itself references (see NotebookEngine.csproj), at their pinned
// version; the list is read from the running application's deps.json, so it cannot drift from the build.

/// <summary>The NuGet packages a notebook may load with <c>#r "nuget: Name, Version"</c>.</summary>
public static class PackageCatalog
{
    sealed record Package(string Name, string Version, IReadOnlyList<string> Files);

    static readonly Lazy<IReadOnlyDictionary<string, Package>> Packages = new(Load);

    /// <summary>The packages on offer, as "Name Version".</summary>
    public static IEnumerable<string> Available =>
        Packages.Value.Values.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => $"{p.Name} {p.Version}");

    /// <summary>The assembly files of a package, or an error message that says what is on offer.</summary>
    public static bool TryResolve(string name, string? version, out IReadOnlyList<string> files, out string error)
    {
        files = [];
        error = "";
        var offer = string.Join(", ", Available);
        if (!Packages.Value.TryGetValue(name, out var package))
        {
            error = $"the package '{name}' is not available. The engine loads no packages from the internet; " +
                    $"a notebook may use only these (pinned in Directory.Packages.props): {offer}.";
            return false;
        }
        if (version != null && !string.Equals(version, package.Version, StringComparison.OrdinalIgnoreCase))
        {
            error = $"{package.Name} version {version} is not available; the engine provides {package.Name} {package.Version} " +
                    "(pinned in Directory.Packages.props). Ask for that version, or leave the version out.";
            return false;
        }
        files = package.Files;
        return true;
    }

    static IReadOnlyDictionary<string, Package> Load()
    {
        var result = new Dictionary<string, Package>(StringComparer.OrdinalIgnoreCase);
        // The application's deps.json (under a test host, the test project's one) lists the engine and its packages.
        var candidates = ((AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.deps.json"))
            .Where(File.Exists);
        foreach (var depsFile in candidates)
        {
            using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
            if (!deps.RootElement.TryGetProperty("targets", out var targets)) continue;
            var target = targets.EnumerateObject().FirstOrDefault().Value;
            if (target.ValueKind != JsonValueKind.Object) continue;
            var engine = target.EnumerateObject().FirstOrDefault(p => p.Name.StartsWith("NotebookEngine/", StringComparison.Ordinal)).Value;
            if (engine.ValueKind != JsonValueKind.Object || !engine.TryGetProperty("dependencies", out var direct)) continue;
            AddPackages(result, target, direct);
            break;
        }
        return result;
    }

    static void AddPackages(Dictionary<string, Package> result, JsonElement target, JsonElement direct)
    {
        foreach (var dependency in direct.EnumerateObject())
        {
            // The compiler that runs the notebooks is the engine's machinery, not something to offer to them.
            if (dependency.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase)) continue;
            var version = dependency.Value.GetString() ?? "";
            var files = new List<string>();
            CollectFiles(target, dependency.Name, version, files, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
            result[dependency.Name] = new Package(dependency.Name, version, files);
        }
    }

    // A package's own assemblies and those of the packages it depends on, found next to the application.
    static void CollectFiles(JsonElement target, string name, string version, List<string> files, HashSet<string> seen)
    {
        if (!seen.Add(name) || !target.TryGetProperty($"{name}/{version}", out var library)) return;
        if (library.TryGetProperty("runtime", out var runtime))
        {
            foreach (var asset in runtime.EnumerateObject())
            {
                var file = Path.Combine(AppContext.BaseDirectory, Path.GetFileName(asset.Name));
                if (File.Exists(file)) files.Add(file);
            }
        }
        if (library.TryGetProperty("dependencies", out var dependencies))
        {
            foreach (var dependency in dependencies.EnumerateObject())
                CollectFiles(target, dependency.Name, dependency.Value.GetString() ?? "", files, seen);
        }
    }
}
