using Tandem.Server.Tests.Support;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.KubectlCli;

/// <summary>Client-side and server-side apply as a person sees them: created, unchanged, configured, the 422 for a forbidden change.</summary>
public sealed class ApplyTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task ClientSideApply_CreatesLeavesUnchangedConfiguresAndRefusesForbiddenChanges(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var name = $"csa{minor}";
        var manifest = Path.Combine(node.Root, name + ".yaml");
        await File.WriteAllTextAsync(manifest, Yaml(name, "app: web", node.Busybox, "A"));

        Assert.Equal($"pod/{name} created", (await Succeed(kubectl, "apply", "-f", manifest)).Trim());
        Assert.Equal($"pod/{name} unchanged", (await Succeed(kubectl, "apply", "-f", manifest)).Trim());

        await File.WriteAllTextAsync(manifest, Yaml(name, "app: web2", node.Busybox, "A"));
        Assert.Equal($"pod/{name} configured", (await Succeed(kubectl, "apply", "-f", manifest)).Trim());
        Assert.Contains("app=web2", await Succeed(kubectl, "get", "pod", name, "--show-labels"));

        await File.WriteAllTextAsync(manifest, Yaml(name, "app: web2", node.Busybox, "B"));
        var forbidden = await kubectl.RunAsync("apply", "-f", manifest);
        Assert.Equal(1, forbidden.ExitCode);
        Assert.Contains($"The Pod \"{name}\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`", forbidden.Stderr);

        await Succeed(kubectl, "delete", "pod", name, "--grace-period=0", "--force");
    }

    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task ServerSideApply_CreatesThenUpdates(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var name = $"ssa{minor}";
        var manifest = Path.Combine(node.Root, name + ".yaml");
        await File.WriteAllTextAsync(manifest, Yaml(name, "app: one", node.Busybox, "A"));
        Assert.Equal($"pod/{name} serverside-applied", (await Succeed(kubectl, "apply", "--server-side", "-f", manifest)).Trim());
        await File.WriteAllTextAsync(manifest, Yaml(name, "app: two", node.Busybox, "A"));
        Assert.Equal($"pod/{name} serverside-applied", (await Succeed(kubectl, "apply", "--server-side", "-f", manifest)).Trim());
        var yaml = await Succeed(kubectl, "get", "pod", name, "-o", "yaml", "--show-managed-fields");
        Assert.Contains("app: two", yaml);
        Assert.Contains("manager: kubectl", yaml);
        Assert.Contains("operation: Apply", yaml);
        await Succeed(kubectl, "delete", "pod", name, "--grace-period=0", "--force");
    }

    private static async Task<string> Succeed(Testing.Kubectl.Kubectl kubectl, params string[] args)
    {
        var result = await kubectl.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result}");
        return result.Stdout;
    }

    private static string Yaml(string name, string labels, string image, string env) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          labels:
            {labels}
        spec:
          terminationGracePeriodSeconds: 1
          containers:
          - name: main
            image: {image}
            command: ["sh", "-c", "trap 'exit 0' TERM; while true; do sleep 0.2; done"]
            env:
            - name: MODE
              value: "{env}"
        """;
}
