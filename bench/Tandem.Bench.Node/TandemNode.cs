using System.Collections.Concurrent;
using System.Diagnostics;
using Tandem.Model.CoreV1;
using Tandem.Model.Manifests;
using Tandem.Node;
using Tandem.Node.Store;
using Tandem.Runtime.Runc;

namespace Tandem.Bench.Node;

/// <summary>
/// An in-process node on runc, as <c>tandem run</c> hosts it, with the two observable signs that a pod has started:
/// the third <see cref="ContainerStarted"/> notification (runc start of the last container returned), and the first
/// published status in which every container is running.
/// </summary>
public sealed class TandemNode : IAsyncDisposable
{
    private readonly RuncRuntime _runtime;
    private readonly Kubelet _kubelet;
    private readonly ConcurrentDictionary<string, Waiter> _waiters = new();
    private readonly Task _reading;

    private TandemNode(RuncRuntime runtime, Kubelet kubelet, TimedProcessRunner processes)
    {
        Processes = processes;
        _runtime = runtime;
        _kubelet = kubelet;
        _reading = Task.Run(ReadNotificationsAsync);
    }

    public RuncRuntime Runtime => _runtime;

    /// <summary>Every host process the runtime ran, timed.</summary>
    public TimedProcessRunner Processes { get; }

    public static async Task<TandemNode> StartAsync(string directory, string imageArchive)
    {
        var processes = new TimedProcessRunner();
        var runtime = new RuncRuntime(new RuncRuntimeOptions
        {
            StateRoot = Path.Combine(directory, "runtime"),
            HostPrefix = "tb" + Random.Shared.Next(1000, 9999),
            DockerConfigPath = null,
        }, processes);
        await runtime.VerifyHostAsync(CancellationToken.None);
        await runtime.Images.ImportImageAsync(imageArchive, BenchPod.Image, CancellationToken.None);
        var kubelet = new Kubelet(new NodeOptions { StateDirectory = Path.Combine(directory, "node") }, runtime.Sandboxes, runtime.Containers, runtime.Images);
        var node = new TandemNode(runtime, kubelet, processes);
        await kubelet.StartAsync(CancellationToken.None);
        return node;
    }

    /// <summary>Parses and defaults the manifest (not timed: a client does that before it applies).</summary>
    public static Pod Load(string name)
    {
        var manifest = ManifestLoader.Load(BenchPod.Manifest(name), name + ".yaml");
        if (!manifest.IsValid)
        {
            throw new InvalidOperationException(string.Join("; ", manifest.Problems.Select(p => p.Message)));
        }
        return (Pod)manifest.Objects.Single().Defaulted;
    }

    /// <summary>One pod's start: milliseconds from Apply to the third ContainerStarted and to the all-running status.</summary>
    public sealed record PodStart(double Started, double Running, long StartTimestamp, long EndTimestamp);

    /// <summary>Applies a pod; the returned task completes with the times from Apply to all-started and to all-running status.</summary>
    public Task<PodStart> ApplyAsync(Pod pod)
    {
        var waiter = new Waiter();
        _waiters[pod.Metadata!.Name!] = waiter;
        waiter.StartTimestamp = Stopwatch.GetTimestamp();
        waiter.Clock.Start();
        _kubelet.Apply(pod);
        return waiter.Done.Task;
    }

    public Task DeleteAsync(string name) => _kubelet.DeleteAsync(new PodKey("default", name), 0, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _kubelet.DeleteAllAsync(0, CancellationToken.None);
        await _kubelet.DisposeAsync();
        await _reading;
    }

    private async Task ReadNotificationsAsync()
    {
        await foreach (var notification in _kubelet.Notifications.Subscribe().ReadAllAsync())
        {
            if (Environment.GetEnvironmentVariable("BENCH_TRACE") == "1")
            {
                var desc = notification switch
                {
                    PodChanged c => c.Pod.Metadata!.Name + " " + c.Pod.Status?.Phase + " " + string.Join(",", (c.Pod.Status?.InitContainerStatuses ?? []).Concat(c.Pod.Status?.ContainerStatuses ?? []).Select(s => s.Name + ":" + (s.State?.Running is not null ? "R" : s.State?.Terminated is not null ? "T" : "W"))) + " del=" + c.Pod.Metadata.DeletionTimestamp,
                    EventRecorded e => "event " + e.Event.Reason + " " + e.Event.Message,
                    _ => notification.GetType().Name,
                };
                Console.WriteLine($"{Stopwatch.GetTimestamp() / (Stopwatch.Frequency / 1000)} {desc}");
            }
            switch (notification)
            {
                case ContainerStarted started when _waiters.TryGetValue(started.Pod.Metadata!.Name!, out var waiter):
                    if (++waiter.StartedCount == BenchPod.Containers.Length)
                    {
                        waiter.Started = waiter.Clock.Elapsed.TotalMilliseconds;
                    }
                    break;
                case PodChanged changed when _waiters.TryGetValue(changed.Pod.Metadata!.Name!, out var waiter) && AllRunning(changed.Pod):
                    if (_waiters.TryRemove(KeyValuePair.Create(changed.Pod.Metadata!.Name!, waiter)))
                    {
                        waiter.Done.TrySetResult(new PodStart(waiter.Started, waiter.Clock.Elapsed.TotalMilliseconds, waiter.StartTimestamp, Stopwatch.GetTimestamp()));
                    }
                    break;
                default:
                    break;
            }
        }
    }

    private static bool AllRunning(Pod pod)
    {
        var statuses = (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []).ToList();
        return BenchPod.Containers.All(name => statuses.Any(s => s.Name == name && s.State?.Running is not null));
    }

    private sealed class Waiter
    {
        public Stopwatch Clock { get; } = new();

        public long StartTimestamp { get; set; }

        public int StartedCount { get; set; }

        public double Started { get; set; }

        public TaskCompletionSource<PodStart> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
