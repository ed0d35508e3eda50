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

    private static string Compose() => RepositoryFiles.Read(".devcontainer/docker-compose.yml");

    // One service's block of the compose file: from "  name:" to the next service (no YAML parser needed for ours).
    private static string Service(string name)
    {
        var match = Regex.Match(Compose(), $@"^  {name}:\s*\n((?:    .*\n|\s*\n)*)", RegexOptions.Multiline);
        Assert.True(match.Success, $".devcontainer/docker-compose.yml has no service '{name}'.");
        return match.Groups[1].Value;
    }

    [Fact]
    public void The_devcontainer_image_uses_the_sdk_band_of_global_json()
    {
        var sdk = JsonDocument.Parse(RepositoryFiles.Read("global.json")).RootElement
            .GetProperty("sdk").GetProperty("version").GetString()!;
        var image = Regex.Match(Service("dev"), @"^\s+image:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value;

        var majorMinor = string.Join('.', sdk.Split('.').Take(2));
        Assert.Equal($"mcr.microsoft.com/devcontainers/dotnet:{majorMinor}", image);
    }

    [Fact]
    public void The_devcontainer_has_a_rabbitmq_service_beside_it_that_RABBITMQ_URI_names()
    {
        var container = DevContainer();
        Assert.Equal("docker-compose.yml", container.GetProperty("dockerComposeFile").GetString());
        Assert.Equal("dev", container.GetProperty("service").GetString());
        Assert.Contains("rabbitmq", container.GetProperty("runServices").EnumerateArray().Select(s => s.GetString()));

        Assert.Matches(@"image:\s*rabbitmq:4-management\s", Service("rabbitmq"));
        // Sharing the broker's network puts it on 127.0.0.1, where the guest user may log in.
        Assert.Matches(@"network_mode:\s*service:rabbitmq\s", Service("dev"));
        Assert.Equal("amqp://guest:guest@127.0.0.1:5672/", container.GetProperty("containerEnv").GetProperty("RABBITMQ_URI").GetString());
    }

    [Fact]
    public void The_devcontainer_forwards_the_management_ui_and_notebook_04_names_it()
    {
        var ports = DevContainer().GetProperty("forwardPorts").EnumerateArray().Select(p => p.GetInt32());

        Assert.Contains(15672, ports);
        Assert.Contains("15672", RepositoryFiles.Read("notebooks/04-distributed.dib"));
    }

    [Fact]
    public void The_devcontainer_installs_the_csharp_and_notebook_extensions()
    {
        var extensions = DevContainer().GetProperty("customizations").GetProperty("vscode")
            .GetProperty("extensions").EnumerateArray().Select(e => e.GetString()).ToList();

        Assert.Contains("ms-dotnettools.csdevkit", extensions);
        Assert.Contains("ms-dotnettools.dotnet-interactive-vscode", extensions); // Polyglot Notebooks opens the .dib files
        Assert.Contains("ms-toolsai.jupyter", extensions);                       // Jupyter opens the .ipynb files
    }

    [Fact]
    public void The_devcontainer_restores_the_dotnet_interactive_tool_and_registers_its_kernel_on_loopback()
    {
        var command = DevContainer().GetProperty("postCreateCommand").GetString()!;

        Assert.Contains("dotnet tool restore", command);
        Assert.Contains("dotnet-interactive -- jupyter install", command);
        Assert.Contains("--http-local-only", command);
    }

    [Fact]
    public void The_dotnet_interactive_tool_is_a_local_tool_at_a_pinned_version()
    {
        var tools = JsonDocument.Parse(RepositoryFiles.Read(".config/dotnet-tools.json")).RootElement.GetProperty("tools");

        Assert.True(tools.TryGetProperty("microsoft.dotnet-interactive", out var tool),
            ".config/dotnet-tools.json has no microsoft.dotnet-interactive: the .net-csharp Jupyter kernel comes from it.");
        Assert.Matches(@"^\d+\.\d+\.\d+$", tool.GetProperty("version").GetString());
        Assert.Contains("dotnet-interactive", tool.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Ci_executes_every_ipynb_under_jupyter_on_the_kernel_bound_to_loopback()
    {
        var ci = RepositoryFiles.Read(".ci/run");

        Assert.Contains("dotnet tool restore", ci);
        Assert.Contains("jupyter nbconvert --to notebook --execute", ci);
        Assert.Contains("notebooks/*.ipynb", ci);
        Assert.Contains("--http-local-only", ci);
        Assert.Matches(new Regex(@"^run_notebooks_under_jupyter\(\) \{", RegexOptions.Multiline), ci); // defined
        Assert.Matches(new Regex(@"^run_notebooks_under_jupyter \|\|", RegexOptions.Multiline), ci);    // and called
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

        Assert.Equal("Katas.slnx", settings.GetProperty("dotnet.defaultSolution").GetString());
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
