using Tandem.Server.Tests.Support;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.KubectlCli;

/// <summary>What a person sees from kubectl for one pod's life: create, get, describe, logs, wait, delete.</summary>
public sealed class PodLifecycleTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task CreateGetWaitLogsDescribeDelete(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var name = $"life{minor}";
        var manifest = Path.Combine(node.Root, name + ".json");
        await File.WriteAllTextAsync(manifest, node.PodJson(name, "echo one; echo two; trap 'exit 0' TERM; while true; do sleep 0.2; done", labels: "{\"app\":\"web\"}"));

        var created = await kubectl.RunAsync("create", "-f", manifest);
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal($"pod/{name} created", created.Stdout.Trim());

        var again = await kubectl.RunAsync("create", "-f", manifest);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains($"Error from server (AlreadyExists): error when creating \"{manifest}\": pods \"{name}\" already exists", again.Stderr);

        var wait = await kubectl.RunAsync("wait", "--for=condition=Ready", $"pod/{name}", "--timeout=60s");
        Assert.True(wait.ExitCode == 0, wait.ToString());
        Assert.Equal($"pod/{name} condition met", wait.Stdout.Trim());

        var get = await kubectl.RunAsync("get", "pods", name);
        Assert.True(get.ExitCode == 0, get.ToString());
        var lines = get.Stdout.Trim().Split('\n');
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", lines[0]);
        Assert.Matches($@"^{name}\s+1/1\s+Running\s+0\s+\d+s$", lines[1]);

        var wide = await kubectl.RunAsync("get", "pods", name, "-o", "wide");
        Assert.Matches(@"NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES", wide.Stdout);
        Assert.Matches($@"{name}\s+1/1\s+Running\s+0\s+\d+s\s+[\d.]+\s+tandem\s+<none>\s+<none>", wide.Stdout);

        var all = await kubectl.RunAsync("get", "pods", "-A", "-l", "app=web", "--show-labels");
        Assert.Matches($@"default\s+{name}\s+1/1\s+Running\s+0\s+\d+s\s+app=web", all.Stdout);

        var logs = await kubectl.RunAsync("logs", name);
        Assert.Equal("one\ntwo\n", logs.Stdout);

        var describe = await kubectl.RunAsync("describe", "pod", name);
        Assert.True(describe.ExitCode == 0, describe.ToString());
        Assert.Matches(@"Status:\s+Running", describe.Stdout);
        Assert.Matches(@"Normal\s+Scheduled\s+\S+\s+\S+\s+Successfully assigned default/" + name + " to tandem", describe.Stdout);
        Assert.Matches(@"Normal\s+Started\s+", describe.Stdout);

        var delete = await kubectl.RunAsync("delete", "pod", name);
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal($"pod \"{name}\" deleted", delete.Stdout.Trim());
        var gone = await kubectl.RunAsync("get", "pod", name);
        Assert.Contains($"Error from server (NotFound): pods \"{name}\" not found", gone.Stderr);
    }
}
