using Tandem.Server.Tests.Support;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.KubectlCli;

/// <summary><c>kubectl logs</c> with each flag, and the errors a person gets for a wrong container or no previous instance.</summary>
public sealed class LogsTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task Logs_HonourEveryFlag(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var name = $"logs{minor}";
        var crashing = $"crash{minor}";
        // Exits at once and is restarted (Always), so --previous has an instance once the back-off has passed.
        var (crashed, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/default/pods", node.PodJson(crashing, "echo run; exit 1"));
        Assert.Equal(201, crashed);
        var pod = node.PodJson(name, "echo line 1; echo line 2; echo line 3; sleep 2; echo line 4").Replace("\"containers\"", "\"restartPolicy\":\"Never\",\"containers\"", StringComparison.Ordinal);
        var (code, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/default/pods", pod);
        Assert.Equal(201, code);
        await kubectl.SucceedAsync("wait", "--for=condition=Ready", $"pod/{name}", "--timeout=60s");

        // -f ends when the container exits.
        Assert.Equal("line 1\nline 2\nline 3\nline 4\n", await kubectl.SucceedAsync("logs", "-f", name));
        Assert.Equal("line 3\nline 4\n", await kubectl.SucceedAsync("logs", name, "--tail=2"));
        Assert.Equal("line", await kubectl.SucceedAsync("logs", name, "--limit-bytes=4"));
        Assert.Equal("line 1\nline 2\nline 3\nline 4\n", await kubectl.SucceedAsync("logs", name, "--since=1h", "-c", "main"));
        Assert.Equal("", await kubectl.SucceedAsync("logs", name, "--since-time=2999-01-01T00:00:00Z"));
        var stamped = (await kubectl.SucceedAsync("logs", name, "--timestamps", "--tail=1")).TrimEnd('\n');
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 4$", stamped);

        var wrong = await kubectl.RunAsync("logs", name, "-c", "nope");
        Assert.Contains($"container nope is not valid for pod {name}", wrong.Stderr, StringComparison.Ordinal);
        // The server answers the same 404 Status to every version; kubectl 1.30 started wrapping it with the namespace.
        var missing = await kubectl.RunAsync("logs", $"missing{minor}");
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal(minor >= 30
            ? $"error: error from server (NotFound): pods \"missing{minor}\" not found in namespace \"default\"\n"
            : $"Error from server (NotFound): pods \"missing{minor}\" not found\n", missing.Stderr);
        var noPrevious = await kubectl.RunAsync("logs", name, "--previous");
        Assert.Contains($"previous terminated container \"main\" in pod \"{name}\" not found", noPrevious.Stderr, StringComparison.Ordinal);

        await KubectlRun.EventuallyAsync(async () => (await kubectl.RunAsync("logs", crashing, "--previous")).ExitCode == 0, TimeSpan.FromSeconds(40), "a previous instance");
        Assert.Equal("run\n", await kubectl.SucceedAsync("logs", crashing, "--previous"));
        await kubectl.SucceedAsync("delete", "pod", crashing, "--now");
        await kubectl.SucceedAsync("delete", "pod", name, "--now");
    }

    [NodeFact]
    public async Task Logs_OfAPodWithSeveralContainers_NeedAContainerName()
    {
        var pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"two\"},\"spec\":{\"terminationGracePeriodSeconds\":1,\"containers\":[" +
            "{\"name\":\"a\",\"image\":\"" + node.Busybox + "\",\"command\":[\"sleep\",\"60\"]},{\"name\":\"b\",\"image\":\"" + node.Busybox + "\",\"command\":[\"sleep\",\"60\"]}]}}";
        var (code, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/default/pods", pod);
        Assert.Equal(201, code);
        var (status, body) = await Requests.GetAsync(node.Http, "/api/v1/namespaces/default/pods/two/log");
        Assert.Equal(400, status);
        Assert.Equal("a container name must be specified for pod two, choose one of: [a b]", (string?)body["message"]);
        await Requests.SendAsync(node.Http, HttpMethod.Delete, "/api/v1/namespaces/default/pods/two", "{\"gracePeriodSeconds\":0}");
    }
}
