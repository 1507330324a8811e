using System.Text.RegularExpressions;
using System.Threading.Channels;
using Tandem.Model.CoreV1;
using Tandem.Model.Manifests;
using Tandem.Node;
using Tandem.Node.Store;
using Tandem.Runtime.Runc;
using Tandem.Testing.Runtime;

namespace Tandem.Acceptance.Support;

/// <summary>
/// One scenario's node: a runc runtime with its own state root and host prefix (a Kubelet removes every sandbox in its
/// state root when it starts, and the leak check demands that nothing with the prefix is left), a Kubelet on it, a fresh
/// directory for the scenario's <c>/shared</c>, and a record of everything the node published (pod changes, events).
/// </summary>
public sealed partial class ScenarioNode : IAsyncDisposable
{
    /// <summary>How long the observer may take to see a notification already published (see <see cref="WaitForAsync"/>).</summary>
    private static readonly TimeSpan ObserverLag = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly List<Observation> _observations = [];
    private readonly List<Event> _events = [];
    private readonly string _root;
    private readonly RuntimeEnvironment _environment;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _observer = Task.CompletedTask;
    private bool _finished;

    private ScenarioNode(RuntimeEnvironment environment, string root, RuncRuntimeOptions options, Kubelet kubelet)
    {
        _environment = environment;
        _root = root;
        Options = options;
        Kubelet = kubelet;
        SharedDirectory = Path.Combine(root, "shared");
    }

    public RuncRuntimeOptions Options { get; }

    public Kubelet Kubelet { get; }

    /// <summary>The host directory the manifest's hostPath <c>/var/tmp/k8s-conf/scNN</c> is rewritten to (does not exist before the pod runs).</summary>
    public string SharedDirectory { get; }

    public SharedLog Log => SharedLog.Read(Path.Combine(SharedDirectory, "log"));

    public IReadOnlyList<Observation> Observations
    {
        get
        {
            lock (_gate)
            {
                return [.. _observations];
            }
        }
    }

    public IReadOnlyList<Event> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public static async Task<ScenarioNode> StartAsync()
    {
        var environment = await Requirements.RequireAsync();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var root = Path.Combine(environment.Root, "acc-" + suffix);
        var options = new RuncRuntimeOptions { StateRoot = Path.Combine(root, "state"), HostPrefix = "ta" + suffix, DockerConfigPath = null };
        var runtime = new RuncRuntime(options);
        var kubelet = new Kubelet(new NodeOptions { StateDirectory = Path.Combine(root, "node"), NodeName = "tandem" }, runtime.Sandboxes, runtime.Containers, runtime.Images);
        var node = new ScenarioNode(environment, root, options, kubelet);
        var notifications = kubelet.Notifications.Subscribe();
        node._observer = Task.Run(() => node.ObserveAsync(notifications));
        await kubelet.StartAsync(CancellationToken.None);
        return node;
    }

    /// <summary>
    /// Loads a manifest of the test project, with the image pointed at the local registry (so every scenario pulls it)
    /// and the hostPath at this scenario's own directory, and applies the defaulted pod.
    /// </summary>
    public PodKey Apply(string manifest)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Manifests", manifest));
        text = text.Replace("busybox:1.36", _environment.Busybox, StringComparison.Ordinal);
        // SC-15's unpullable image: the same failure (manifest unknown) from the local registry, so no test leaves 127.0.0.1.
        text = text.Replace("registry.invalid/", _environment.Registry.Address + "/invalid/", StringComparison.Ordinal);
        text = HostPathPattern().Replace(text, SharedDirectory);
        var loaded = ManifestLoader.Load(text, manifest);
        Assert.True(loaded.IsValid, string.Join('\n', loaded.Problems));
        var pod = Assert.IsType<Pod>(Assert.Single(loaded.Objects).Defaulted);
        var applied = Kubelet.Apply(pod);
        return new PodKey(applied.Metadata!.Namespace!, applied.Metadata.Name!);
    }

    /// <summary>
    /// The first published pod (from the start of the scenario) that satisfies <paramref name="predicate"/>. A timeout
    /// of zero asks for something already published: notifications reach the observer through a channel on another
    /// task, so one published just before <c>DeleteAsync</c> or <c>WaitForFinishAsync</c> returned may not be observed
    /// yet; the observer gets <see cref="ObserverLag"/> to catch up (returning as soon as it does).
    /// </summary>
    public async Task<Observation> WaitForAsync(Func<Pod, bool> predicate, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout + ObserverLag);
        var seen = 0;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                for (; seen < _observations.Count; seen++)
                {
                    if (predicate(_observations[seen].Pod))
                    {
                        return _observations[seen];
                    }
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var last = Observations is [.., var l] ? PodDescription.Describe(l.Pod) : "(nothing published)";
                throw new TimeoutException($"timed out after {(timeout + ObserverLag).TotalSeconds} s waiting for {what}; last published:\n{last}");
            }
        }
    }

    /// <summary>The first recorded event that satisfies <paramref name="predicate"/>.</summary>
    public async Task<Event> WaitForEventAsync(Func<Event, bool> predicate, TimeSpan timeout, string what)
    {
        using var deadline = new CancellationTokenSource(timeout + ObserverLag);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_events.FirstOrDefault(predicate) is { } found)
                {
                    return found;
                }
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"timed out after {(timeout + ObserverLag).TotalSeconds} s waiting for event {what}; events:\n{string.Join('\n', Events.Select(e => $"{e.Reason}: {e.Message}"))}");
            }
        }
    }

    /// <summary>The events and the last published status, for failure messages.</summary>
    public string Describe()
    {
        var events = string.Join('\n', Events.Select(e => $"{e.LastTimestamp:HH:mm:ss.f} {e.Type} {e.Reason} {e.InvolvedObject?.FieldPath}: {e.Message}"));
        var last = Observations is [.., var l] ? PodDescription.Describe(l.Pod) : "(nothing published)";
        return $"events:\n{events}\nlast published:\n{last}";
    }

    /// <summary>
    /// Ends the scenario: deletes any pod still on the node, stops the node, and asserts that nothing is left behind
    /// (no sandbox or container state in the state root, no process, mount, netns or cgroup with the host prefix).
    /// </summary>
    public async Task FinishAsync()
    {
        _finished = true;
        await StopAsync();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        var leftovers = Leftovers.Find(Options);
        while (leftovers.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
            leftovers = Leftovers.Find(Options);
        }
        Assert.True(leftovers.Count == 0, "leaked: " + string.Join(", ", leftovers));
        DeleteRoot();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            // The scenario failed before FinishAsync: clean up without asserting, so the failure stays the first one.
            _finished = true;
            await StopAsync();
            DeleteRoot();
        }
    }

    private async Task StopAsync()
    {
        foreach (var pod in Kubelet.List())
        {
            await Kubelet.DeleteAsync(new PodKey(pod.Metadata!.Namespace!, pod.Metadata.Name!), 0, CancellationToken.None);
        }
        await Kubelet.DisposeAsync();
        await _observer;
    }

    private void DeleteRoot()
    {
        if (!File.ReadAllText("/proc/self/mountinfo").Contains(_root, StringComparison.Ordinal) && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task ObserveAsync(ChannelReader<NodeNotification> notifications)
    {
        await foreach (var notification in notifications.ReadAllAsync())
        {
            lock (_gate)
            {
                switch (notification)
                {
                    case PodChanged changed:
                        _observations.Add(new Observation(DateTimeOffset.UtcNow, changed.Pod));
                        break;
                    case PodRemoved removed:
                        _observations.Add(new Observation(DateTimeOffset.UtcNow, removed.Pod));
                        break;
                    case EventRecorded recorded:
                        _events.Add(recorded.Event);
                        break;
                    default:
                        break;
                }
                var changedSignal = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                changedSignal.TrySetResult();
            }
        }
    }

    [GeneratedRegex("/var/tmp/k8s-conf/[a-z0-9-]+")]
    private static partial Regex HostPathPattern();
}
