using System.Text;
using Tandem.Server.Tests.Support;
using Tandem.Testing;
using Tandem.Testing.Kubectl;

namespace Tandem.Server.Tests.KubectlCli;

/// <summary><c>get -w</c> lines as a pod comes and goes; <c>delete</c> waiting until the containers stopped in Kubernetes order.</summary>
public sealed class WatchAndDeleteTests(ServerNode node) : IClassFixture<ServerNode>
{
    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task GetWatch_PrintsThePodPendingRunningAndTerminating(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var ns = $"gw{minor}";
        using var watch = kubectl.Start(["get", "pods", "-n", ns, "-w"]);
        var output = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            while (await watch.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        });
        string Seen()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
        try
        {
            await Task.Delay(500);
            var (code, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, $"/api/v1/namespaces/{ns}/pods", node.PodJson("w", "trap 'exit 0' TERM; while true; do sleep 0.2; done", ns, grace: 5));
            Assert.Equal(201, code);
            await KubectlRun.EventuallyAsync(() => Task.FromResult(Seen().Contains("Running", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "Running in get -w:\n" + Seen());
            await Requests.SendAsync(node.Http, HttpMethod.Delete, $"/api/v1/namespaces/{ns}/pods/w", "{\"propagationPolicy\":\"Background\"}");
            await KubectlRun.EventuallyAsync(() => Task.FromResult(Seen().Contains("Terminating", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "Terminating in get -w");
            var lines = Seen().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE", lines[0]);
            Assert.Matches(@"^w\s+0/1\s+Pending\s+0\s+\d+s", lines[1]);
            Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^w\s+1/1\s+Running\s+0\s+\d+s"));
            Assert.False(watch.HasExited, "get -w must keep watching");
        }
        finally
        {
            watch.Kill();
            await watch.WaitForExitAsync();
            await reading;
        }
    }

    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task Delete_ReturnsAfterThePodIsGone_WithTheMainContainerStoppedBeforeTheSidecar(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var name = $"ordered{minor}";
        var shared = Path.Combine(node.Root, "order-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(shared);
        var manifest = Path.Combine(shared, "pod.yaml");
        await File.WriteAllTextAsync(manifest, $$"""
            apiVersion: v1
            kind: Pod
            metadata:
              name: {{name}}
            spec:
              terminationGracePeriodSeconds: 10
              volumes:
              - name: shared
                hostPath:
                  path: {{shared}}
              initContainers:
              - name: sidecar
                image: {{node.Busybox}}
                restartPolicy: Always
                command: ["sh", "-c", "trap 'echo sidecar >> /shared/stopped; exit 0' TERM; while true; do sleep 0.1; done"]
                volumeMounts: [{name: shared, mountPath: /shared}]
              containers:
              - name: main
                image: {{node.Busybox}}
                command: ["sh", "-c", "trap 'sleep 1; echo main >> /shared/stopped; exit 0' TERM; while true; do sleep 0.1; done"]
                volumeMounts: [{name: shared, mountPath: /shared}]
            """);
        await kubectl.SucceedAsync("apply", "-f", manifest);
        await kubectl.SucceedAsync("wait", "--for=condition=Ready", $"pod/{name}", "--timeout=60s");
        var deleted = await kubectl.SucceedAsync("delete", "-f", manifest);
        Assert.Equal($"pod \"{name}\" deleted", deleted.Trim());
        Assert.Equal(["main", "sidecar"], await File.ReadAllLinesAsync(Path.Combine(shared, "stopped")));
        var gone = await kubectl.RunAsync("get", "pod", name);
        Assert.Contains("NotFound", gone.Stderr, StringComparison.Ordinal);
    }

    [NodeTheory]
    [MemberData(nameof(KubectlVersions.Theory), MemberType = typeof(KubectlVersions))]
    public async Task ForceDelete_RemovesThePodAtOnce(int minor)
    {
        Prerequisites.Require(KubectlVersions.Requirement(minor));
        var kubectl = node.Kubectl(minor);
        var name = $"forced{minor}";
        var (code, _) = await Requests.SendAsync(node.Http, HttpMethod.Post, "/api/v1/namespaces/default/pods", node.PodJson(name, "sleep 300", grace: 30));
        Assert.Equal(201, code);
        var started = DateTimeOffset.UtcNow;
        var result = await kubectl.RunAsync("delete", "pod", name, "--grace-period=0", "--force");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"pod \"{name}\" force deleted", result.Stdout, StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(15));
        var (after, _) = await Requests.GetAsync(node.Http, $"/api/v1/namespaces/default/pods/{name}");
        Assert.Equal(404, after);
    }
}
