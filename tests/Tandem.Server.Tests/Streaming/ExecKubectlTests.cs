using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.Streaming;

/// <summary>Real kubectl 1.27–1.33 running commands through the streaming routes, on each transport it can use.</summary>
public sealed class ExecKubectlTests
{
    /// <summary>Every (version, WebSocket setting) pair worth running: the env var only matters on 1.29–1.31.</summary>
    public static IEnumerable<object[]> Transports =>
        KubectlVersions.All.SelectMany(v => v is >= 29 and <= 31
            ? new[] { new object[] { v, "true" }, new object[] { v, "false" } }
            : [new object[] { v, "" }]);

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Exec_ReportsBothStreamsAndTheExitCode(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();
        var kubectl = Configure(host.Kubectl(minor), webSockets);

        var result = await kubectl.RunAsync("exec", "web", "--", "sh", "-c", "echo out; echo err >&2; exit 3");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal("out\n", result.Stdout);
        Assert.StartsWith("err\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("command terminated with exit code 3", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task ExecWithStdin_PassesInputThroughAndEndsAtItsEnd(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();
        var kubectl = Configure(host.Kubectl(minor), webSockets);

        var result = await kubectl.RunAsync(["exec", "-i", "web", "--", "cat"], stdin: "data\nmore\n");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("data\nmore\n", result.Stdout);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task CommandThatCannotStart_IsAnErrorFromTheServer(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();
        var kubectl = Configure(host.Kubectl(minor), webSockets);

        var result = await kubectl.RunAsync("exec", "web", "--", "/no/such/command");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("error executing command in container", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/no/such/command", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task UnknownContainer_IsABadRequestBeforeAnyUpgrade(int minor, string webSockets)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();
        var kubectl = Configure(host.Kubectl(minor), webSockets);

        var result = await kubectl.RunAsync("exec", "web", "-c", "nope", "--", "true");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("container nope is not valid for pod web", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task MissingPod_IsNotFound(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        await using var host = await StreamingTestHost.StartAsync();

        var result = await host.Kubectl(minor).RunAsync("exec", "nope", "--", "true");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Error from server (NotFound): pods \"nope\" not found", result.Stderr, StringComparison.Ordinal);
    }

    internal static Kubectl Configure(Kubectl kubectl, string webSockets)
    {
        if (webSockets.Length > 0)
        {
            kubectl.Environment["KUBECTL_REMOTE_COMMAND_WEBSOCKETS"] = webSockets;
        }
        return kubectl;
    }
}
