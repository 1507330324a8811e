using Tandem.Server.Tests.Support;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.KubectlCli;

/// <summary>Changes that reach the running pod: a new image restarts the container; wait --for=delete returns when it is gone.</summary>
public sealed class UpdateTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeFact]
    public async Task ApplyWithANewImage_RestartsTheContainer_AndWaitForDeleteReturnsWhenGone()
    {
        Prerequisites.Require(KubectlVersions.Requirement(KubectlVersions.Newest));
        var kubectl = node.Kubectl(KubectlVersions.Newest);
        var manifest = Path.Combine(node.Root, "image.yaml");
        await File.WriteAllTextAsync(manifest, Yaml(node.Busybox));
        await kubectl.SucceedAsync("apply", "-f", manifest);
        await kubectl.SucceedAsync("wait", "--for=condition=Ready", "pod/imaged", "--timeout=60s");

        await File.WriteAllTextAsync(manifest, Yaml(node.Environment.ConfigTest));
        Assert.Equal("pod/imaged configured", (await kubectl.SucceedAsync("apply", "-f", manifest)).Trim());
        await KubectlRun.EventuallyAsync(async () =>
            (await kubectl.SucceedAsync("get", "pod", "imaged", "-o", "jsonpath={.status.containerStatuses[0].restartCount}")) == "1",
            TimeSpan.FromSeconds(60), "the container to restart with the new image");
        Assert.Equal(node.Environment.ConfigTest, await kubectl.SucceedAsync("get", "pod", "imaged", "-o", "jsonpath={.status.containerStatuses[0].image}"));
        var events = await kubectl.SucceedAsync("get", "events", "--field-selector", "involvedObject.name=imaged");
        Assert.Contains("Container main definition changed, will be restarted", events, StringComparison.Ordinal);

        using var waiting = kubectl.Start(["wait", "--for=delete", "pod/imaged", "--timeout=60s"]);
        await Task.Delay(300);
        await kubectl.SucceedAsync("delete", "pod", "imaged", "--wait=false");
        await waiting.WaitForExitAsync();
        Assert.Equal(0, waiting.ExitCode);
    }

    private static string Yaml(string image) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: imaged
        spec:
          terminationGracePeriodSeconds: 1
          containers:
          - name: main
            image: {image}
            command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done"]
        """;
}
