using Tandem.Model.CoreV1;
using Tandem.Model.Manifests;
using Tandem.Node;
using Tandem.Node.Store;
using Tandem.Runtime.Runc;
using Tandem.Testing;
using Tandem.Testing.Runtime;

namespace Tandem.Acceptance.Adoption;

/// <summary>
/// A node that stops without stopping its pods (the daemon's <c>down --keep-pods</c>, or its death) and a new node on
/// the same state that re-adopts them: same containers, restart counts and readiness, logs that go on in the same file.
/// The runtime object outlives the first node here, as the runtime's own state outlives a node process.
/// </summary>
public sealed class AdoptionTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];
    private RuntimeEnvironment? _environment;
    private RuncRuntime? _runtime;
    private Kubelet? _node;

    private string Root => Path.Combine(_environment!.Root, "adopt-" + _suffix);

    private RuncRuntimeOptions Options => new() { StateRoot = Path.Combine(Root, "state"), HostPrefix = "tad" + _suffix, DockerConfigPath = null };

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task RunningPod_IsReadoptedByTheNextNode_WithTheSameContainersRestartCountsAndReadiness()
    {
        var first = await StartNodeAsync();
        var key = ObjectStore.KeyOf(first.Apply(await PodAsync("keep")).Metadata);
        var before = await WaitForAsync(first, key, IsReadyRunning, "Running and Ready");
        await first.DisposeAsync();

        var second = await StartNodeAsync();
        var after = await WaitForAsync(second, key, p => IsReadyRunning(p) && p.Status!.ContainerStatuses![0].ContainerID is not null, "re-adopted");
        var linesBefore = MainLog(second, after).Length;
        await PollAsync(() => MainLog(second, after).Length > linesBefore + 2, "the main container's log to grow after re-adoption");

        Assert.Equal(Ids(before), Ids(after));
        Assert.Equal(Restarts(before), Restarts(after));
        Assert.All(after.Status!.ContainerStatuses!.Concat(after.Status.InitContainerStatuses!), s => Assert.True(s.Ready, s.Name));
        Assert.Equal(before.Status!.StartTime?.ToUnixTimeSeconds(), after.Status.StartTime?.ToUnixTimeSeconds());
        Assert.DoesNotContain(second.Events.List().Where(e => e.InvolvedObject?.Name == "keep"), e => e.Reason is "Killing" or "SandboxChanged");

        var deleted = await second.DeleteAsync(key, 5, CancellationToken.None);
        Assert.NotNull(deleted?.Status?.ContainerStatuses?[0].State?.Terminated);
        await AssertNothingLeftAsync();
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task StoredPodWhoseSandboxIsGone_GetsANewSandbox_AndItsContainersCountARestart()
    {
        var first = await StartNodeAsync();
        var key = ObjectStore.KeyOf(first.Apply(await PodAsync("lost")).Metadata);
        var before = await WaitForAsync(first, key, IsReadyRunning, "Running and Ready");
        await first.DisposeAsync();
        foreach (var sandbox in await _runtime!.Sandboxes.ListPodSandboxesAsync(CancellationToken.None))
        {
            await _runtime.Sandboxes.StopPodSandboxAsync(sandbox.Id, CancellationToken.None);
            await _runtime.Sandboxes.RemovePodSandboxAsync(sandbox.Id, CancellationToken.None);
        }

        var second = await StartNodeAsync();
        var after = await WaitForAsync(second, key, p => IsReadyRunning(p) && !Ids(p).Intersect(Ids(before)).Any(), "Running again in a new sandbox");

        Assert.All(after.Status!.ContainerStatuses!, s => Assert.Equal(1, s.RestartCount));
        await second.DeleteAsync(key, 5, CancellationToken.None);
        await AssertNothingLeftAsync();
    }

    [PrerequisiteFact("root", "cmd:runc", "cmd:skopeo", "cmd:umoci", "cmd:docker-registry", "cmd:ip", "file:/bin/busybox")]
    public async Task SandboxOfAPodNoLongerStored_IsRemovedAtStart()
    {
        var first = await StartNodeAsync();
        var key = ObjectStore.KeyOf(first.Apply(await PodAsync("orphan")).Metadata);
        await WaitForAsync(first, key, IsReadyRunning, "Running and Ready");
        await first.DisposeAsync();
        File.Delete(Directory.EnumerateFiles(Path.Combine(Root, "node", "store", "pods"), "*", SearchOption.AllDirectories).Single());

        var second = await StartNodeAsync();

        Assert.Empty(second.List());
        Assert.Empty(await _runtime!.Sandboxes.ListPodSandboxesAsync(CancellationToken.None));
        await AssertNothingLeftAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            foreach (var pod in _node.List())
            {
                await _node.DeleteAsync(ObjectStore.KeyOf(pod.Metadata), 0, CancellationToken.None);
            }
            await _node.DisposeAsync();
        }
        if (_runtime is not null)
        {
            foreach (var sandbox in await _runtime.Sandboxes.ListPodSandboxesAsync(CancellationToken.None))
            {
                await _runtime.Sandboxes.StopPodSandboxAsync(sandbox.Id, CancellationToken.None);
                await _runtime.Sandboxes.RemovePodSandboxAsync(sandbox.Id, CancellationToken.None);
            }
        }
    }

    private async Task<Kubelet> StartNodeAsync()
    {
        _environment ??= await Requirements.RequireAsync();
        _runtime ??= new RuncRuntime(Options);
        _node = new Kubelet(new NodeOptions { StateDirectory = Path.Combine(Root, "node"), AdoptExisting = true }, _runtime.Sandboxes, _runtime.Containers, _runtime.Images);
        await _node.StartAsync(CancellationToken.None);
        return _node;
    }

    private async Task AssertNothingLeftAsync()
    {
        await _node!.DisposeAsync();
        _node = null;
        var leftovers = Leftovers.Find(Options);
        for (var tries = 0; leftovers.Count > 0 && tries < 50; tries++)
        {
            await Task.Delay(200);
            leftovers = Leftovers.Find(Options);
        }
        Assert.True(leftovers.Count == 0, "leaked: " + string.Join(", ", leftovers));
    }

    // A sidecar with a readiness probe that must stay Ready across the node's restart, and an app that logs a counter.
    private async Task<Pod> PodAsync(string name)
    {
        _environment ??= await Requirements.RequireAsync();
        var manifest = $$$"""
            apiVersion: v1
            kind: Pod
            metadata: {name: {{{name}}}}
            spec:
              terminationGracePeriodSeconds: 5
              initContainers:
              - {name: helper, image: "{{{_environment.Busybox}}}", restartPolicy: Always, command: [sh, -c, "trap 'exit 0' TERM; while true; do sleep 1; done"], readinessProbe: {exec: {command: ["true"]}, periodSeconds: 1}}
              containers:
              - {name: main, image: "{{{_environment.Busybox}}}", command: [sh, -c, "trap 'exit 0' TERM; i=0; while true; do i=$((i+1)); echo line $i; sleep 0.2; done"]}
            """;
        var loaded = ManifestLoader.Load(manifest, name + ".yaml");
        Assert.True(loaded.IsValid, string.Join('\n', loaded.Problems));
        return Assert.IsType<Pod>(Assert.Single(loaded.Objects).Defaulted);
    }

    private static async Task<Pod> WaitForAsync(Kubelet node, PodKey key, Func<Pod, bool> predicate, string what)
    {
        Pod? last = null;
        await PollAsync(() => (last = node.Get(key)) is { } pod && predicate(pod), what, () => Describe(last));
        return last!;
    }

    private static async Task PollAsync(Func<bool> condition, string what, Func<string>? describe = null)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"timed out waiting for {what}; {describe?.Invoke()}");
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }

    private static string[] MainLog(Kubelet node, Pod pod) =>
        File.Exists(node.Options.Logs.InstanceLog(pod, "main", pod.Status!.ContainerStatuses![0].RestartCount))
            ? File.ReadAllLines(node.Options.Logs.InstanceLog(pod, "main", pod.Status.ContainerStatuses[0].RestartCount))
            : [];

    private static bool IsReadyRunning(Pod pod) =>
        pod.Status?.Phase == "Running" && (pod.Status.Conditions ?? []).Any(c => c.Type == "Ready" && c.Status == "True");

    private static string[] Ids(Pod pod) =>
        [.. (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []).Select(s => s.ContainerID ?? "")];

    private static int[] Restarts(Pod pod) =>
        [.. (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []).Select(s => s.RestartCount)];

    private static string Describe(Pod? pod) => pod is null ? "no pod" : System.Text.Json.JsonSerializer.Serialize(pod.Status,
        Tandem.Model.Serialization.KubernetesJsonContext.Default.PodStatus);
}
