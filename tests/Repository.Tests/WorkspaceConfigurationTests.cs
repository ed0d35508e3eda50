using System.Text.Json;
using System.Text.RegularExpressions;

namespace Repository.Tests;

// The devcontainer and the hosted workflow are never run here (these machines have no Docker engine),
// so these tests check the things that would otherwise break silently.
public class WorkspaceConfigurationTests
{
    private const string VerificationCommand = "dotnet test -p:KataSource=Solutions";

    private static readonly JsonDocumentOptions JsonWithComments = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static JsonElement DevContainer() =>
        JsonDocument.Parse(RepositoryFiles.Read(".devcontainer/devcontainer.json"), JsonWithComments).RootElement;

    [Fact]
    public void The_devcontainer_image_uses_the_sdk_band_of_global_json()
    {
        var sdk = JsonDocument.Parse(RepositoryFiles.Read("global.json")).RootElement
            .GetProperty("sdk").GetProperty("version").GetString()!;
        var image = DevContainer().GetProperty("image").GetString()!;

        var majorMinor = string.Join('.', sdk.Split('.').Take(2));
        Assert.Equal($"mcr.microsoft.com/devcontainers/dotnet:{majorMinor}", image);
    }

    [Fact]
    public void The_devcontainer_has_docker_in_docker_for_testcontainers()
    {
        var features = DevContainer().GetProperty("features").EnumerateObject().Select(f => f.Name);

        Assert.Contains(features, name => name.StartsWith("ghcr.io/devcontainers/features/docker-in-docker:", StringComparison.Ordinal));
    }

    [Fact]
    public void The_devcontainer_installs_the_csharp_and_notebook_extensions()
    {
        var extensions = DevContainer().GetProperty("customizations").GetProperty("vscode")
            .GetProperty("extensions").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Contains("ms-dotnettools.csdevkit", extensions);
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions);
    }

    [Fact]
    public void The_devcontainer_restores_and_builds_in_one_command_without_telemetry()
    {
        var container = DevContainer();

        Assert.Equal(JsonValueKind.String, container.GetProperty("postCreateCommand").ValueKind);
        Assert.Contains("dotnet build", container.GetProperty("postCreateCommand").GetString());
        var env = container.GetProperty("containerEnv");
        Assert.Equal("1", env.GetProperty("DOTNET_NOLOGO").GetString());
        Assert.Equal("1", env.GetProperty("DOTNET_CLI_TELEMETRY_OPTOUT").GetString());
    }

    [Fact]
    public void The_vscode_settings_open_the_kata_solution()
    {
        var settings = JsonDocument.Parse(RepositoryFiles.Read(".vscode/settings.json"), JsonWithComments).RootElement;

        Assert.Equal("Katas.sln", settings.GetProperty("dotnet.defaultSolution").GetString());
    }

    [Fact]
    public void The_readme_names_the_verification_command_that_ci_runs()
    {
        Assert.Contains(VerificationCommand, RepositoryFiles.Read("README.md"));
        Assert.Contains(VerificationCommand, RepositoryFiles.Read(".ci/run"));
    }

    [Fact]
    public void The_hosted_workflow_runs_ci_run_on_push_and_pull_request_with_the_pinned_sdk()
    {
        var workflow = RepositoryFiles.Read(".github/workflows/ci.yml");

        Assert.Matches(new Regex(@"^on:\s*\n(\s+.*\n)*?\s+push:", RegexOptions.Multiline), workflow);
        Assert.Contains("pull_request:", workflow);
        Assert.Contains("global-json-file: global.json", workflow);
        Assert.Matches(new Regex(@"run:\s+bash \.ci/run\s*$", RegexOptions.Multiline), workflow);
        Assert.Contains("~/.nuget/packages", workflow);
    }
}
