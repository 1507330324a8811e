using Tandem.Model.CoreV1;
using Tandem.Node.Handlers;
using Tandem.Node.Lifecycle;
using Tandem.Node.Probing;

namespace Tandem.Node.Workers;

/// <summary>
/// Every probe worker of one pod (the prober manager's per-pod part): creates the workers at the first sync (R21),
/// says which probes are due, records outcomes and keeps the published results by container id, so a new instance
/// starts from the initial values (R23). Owned by the pod worker's loop; not thread-safe.
/// </summary>
internal sealed class PodProbes
{
    private readonly Dictionary<(string Container, ProbeType Type), ProbeWorker> _workers = [];
    private readonly Dictionary<(string Container, ProbeType Type), Probe> _probes = [];
    private readonly HashSet<(string Container, ProbeType Type)> _inFlight = [];
    private readonly Dictionary<string, ProbeResults> _results = [];

    public PodProbes(PodSpec spec, DateTimeOffset now)
    {
        foreach (var (container, kind) in ContainerRoles.All(spec))
        {
            foreach (var type in new[] { ProbeType.Startup, ProbeType.Liveness, ProbeType.Readiness })
            {
                if (ProbeWorker.Create(type, container, kind, now) is { } worker)
                {
                    _workers[(container.Name!, type)] = worker;
                    _probes[(container.Name!, type)] = type switch
                    {
                        ProbeType.Startup => container.StartupProbe!,
                        ProbeType.Liveness => container.LivenessProbe!,
                        _ => container.ReadinessProbe!,
                    };
                }
            }
        }
    }

    /// <summary>Published results by container id, for <see cref="PodSnapshot.WithRuntimeStatuses"/>.</summary>
    public IReadOnlyDictionary<string, ProbeResults> Results => _results;

    /// <summary>When the next worker ticks (in-flight workers tick again after their outcome).</summary>
    public DateTimeOffset? NextTickAt => _workers.Where(w => !_inFlight.Contains(w.Key)).Select(w => (DateTimeOffset?)w.Value.NextTickAt).Min();

    /// <summary>Moves every worker whose tick is due on, and returns the probes to run now.</summary>
    public IReadOnlyList<ProbeRun> Due(PodSnapshot snapshot, DateTimeOffset now)
    {
        var runs = new List<ProbeRun>();
        foreach (var key in _workers.Keys.ToList())
        {
            var worker = _workers[key];
            if (_inFlight.Contains(key) || worker.NextTickAt > now)
            {
                continue;
            }
            var target = Target(snapshot, key.Container);
            worker = worker.Observe(target).Tick(now);
            _workers[key] = worker;
            if (worker.Gate(target, now) == ProbeGate.Run)
            {
                _inFlight.Add(key);
                runs.Add(new ProbeRun(key.Container, key.Type, target.ContainerId!, _probes[key]));
            }
        }
        return runs;
    }

    /// <summary>R21: runs the readiness probe of these containers at their next chance, unless it already ran for this instance.</summary>
    public void TriggerReadiness(IEnumerable<string> containers, DateTimeOffset now)
    {
        foreach (var name in containers)
        {
            var key = (name, ProbeType.Readiness);
            if (_workers.TryGetValue(key, out var worker) && !_inFlight.Contains(key) && worker.LastOutcome is null && worker.NextTickAt > now)
            {
                _workers[key] = worker.TriggerNow(now);
            }
        }
    }

    /// <summary>Records a finished run; returns true when a published result changed, and the event to record, if any.</summary>
    public (bool Changed, PodEvent? Event) Record(ProbeRun run, HandlerOutcome outcome)
    {
        var key = (run.Container, run.Type);
        _inFlight.Remove(key);
        if (!_workers.TryGetValue(key, out var worker) || worker.ContainerId != run.ContainerId)
        {
            return (false, null); // the instance changed while the probe ran: its outcome no longer counts
        }
        var result = outcome.Result switch
        {
            HandlerResult.Success => ProbeOutcome.Success,
            HandlerResult.Failure => ProbeOutcome.Failure,
            _ => ProbeOutcome.Error,
        };
        var record = worker.Record(result, outcome.Output);
        _workers[key] = record.Worker;
        if (record.Published is not { } published)
        {
            return (false, record.Event);
        }
        var results = _results.GetValueOrDefault(run.ContainerId) ?? ProbeResults.Initial;
        _results[run.ContainerId] = results.With(run.Type, published);
        return (true, record.Event);
    }

    /// <summary>
    /// Carries on with a running instance an earlier node process probed (re-adoption): its published startup and
    /// readiness results as the pod's status last showed them, so a restart of the node does not make a ready
    /// container unready; the probes then run on their period and publish any change.
    /// </summary>
    public void Resume(string container, string containerId, bool started, bool ready)
    {
        var results = ProbeResults.Initial;
        if (_workers.TryGetValue((container, ProbeType.Startup), out var startup))
        {
            var result = started ? ProbeResult.Success : ProbeResult.Unknown;
            _workers[(container, ProbeType.Startup)] = startup with { ContainerId = containerId, Result = result, OnHold = started };
            results = results.With(ProbeType.Startup, result);
        }
        if (_workers.TryGetValue((container, ProbeType.Readiness), out var readiness))
        {
            var result = ready ? ProbeResult.Success : ProbeResult.Failure;
            _workers[(container, ProbeType.Readiness)] = readiness with { ContainerId = containerId, Result = result };
            results = results.With(ProbeType.Readiness, result);
        }
        if (_workers.TryGetValue((container, ProbeType.Liveness), out var liveness))
        {
            _workers[(container, ProbeType.Liveness)] = liveness with { ContainerId = containerId };
        }
        _results[containerId] = results;
    }

    /// <summary>Forgets results of instances that no longer exist.</summary>
    public void Retain(IEnumerable<string> containerIds)
    {
        var keep = containerIds.ToHashSet();
        foreach (var id in _results.Keys.Where(id => !keep.Contains(id)).ToList())
        {
            _results.Remove(id);
        }
    }

    private static ProbeTarget Target(PodSnapshot snapshot, string container)
    {
        var latest = snapshot.Latest(container);
        var spec = ContainerRoles.Find(snapshot.Spec, container)?.Container;
        // R27: started once the startup probe succeeded, or at once without one.
        var started = latest is { IsRunning: true } && (spec?.StartupProbe is null || latest.Probes.Startup == ProbeResult.Success);
        return new ProbeTarget(latest?.Id, latest?.IsRunning == true, latest?.StartedAt, started,
            snapshot.TerminationInProgress || snapshot.DeletionRequested);
    }
}
