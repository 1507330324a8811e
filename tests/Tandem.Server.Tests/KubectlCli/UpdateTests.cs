using Tandem.Server.Tests.Support;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.KubectlCli;

/// <summary>Changes that reach the running pod: a new image restarts the container; wait --for=delete returns when it is gone.</summary>
public sealed class UpdateTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task ApplyWithANewImage_RestartsTheContainer_AndWaitForDeleteReturnsWhenGone(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var name = $"imaged{minor}";
        var manifest = Path.Combine(node.Root, $"image-{minor}.yaml");
        await File.WriteAllTextAsync(manifest, Yaml(name, node.Busybox));
        await kubectl.SucceedAsync("apply", "-f", manifest);
        await kubectl.SucceedAsync("wait", "--for=condition=Ready", $"pod/{name}", "--timeout=60s");

        await File.WriteAllTextAsync(manifest, Yaml(name, node.Environment.ConfigTest));
        Assert.Equal($"pod/{name} configured", (await kubectl.SucceedAsync("apply", "-f", manifest)).Trim());
        await KubectlRun.EventuallyAsync(async () =>
            (await kubectl.SucceedAsync("get", "pod", name, "-o", "jsonpath={.status.containerStatuses[0].restartCount}")) == "1",
            TimeSpan.FromSeconds(60), "the container to restart with the new image");
        Assert.Equal(node.Environment.ConfigTest, await kubectl.SucceedAsync("get", "pod", name, "-o", "jsonpath={.status.containerStatuses[0].image}"));
        var events = await kubectl.SucceedAsync("get", "events", "--field-selector", $"involvedObject.name={name}");
        Assert.Contains("Container main definition changed, will be restarted", events, StringComparison.Ordinal);

        using var waiting = kubectl.Start(["wait", "--for=delete", $"pod/{name}", "--timeout=60s"]);
        await Task.Delay(300);
        await kubectl.SucceedAsync("delete", "pod", name, "--wait=false");
        await waiting.WaitForExitAsync();
        Assert.Equal(0, waiting.ExitCode);
    }

    private static string Yaml(string name, string image) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
        spec:
          terminationGracePeriodSeconds: 1
          containers:
          - name: main
            image: {image}
            command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done"]
        """;
}
