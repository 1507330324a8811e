using Tandem.Node.Lifecycle;
using Tandem.Node.Termination;

namespace Tandem.Node.Workers;

/// <summary>
/// The terminations a pod worker drives: at most one of the whole pod (<see cref="KillPodAction"/>) and any number of
/// single-container kills (<see cref="KillContainerAction"/>). It feeds each <see cref="TerminationPlan"/> the exits it
/// observes and the clock, and hands back the steps now due with the container id each is for.
/// </summary>
internal sealed class TerminationTracker
{
    private readonly Dictionary<string, string> _podIds = [];
    private readonly Dictionary<string, (TerminationPlan Plan, string Id)> _kills = [];

    public TerminationPlan? PodPlan { get; private set; }

    public TerminationCause? PodCause { get; private set; }

    public IEnumerable<string> Killing => _kills.Keys;

    public DateTimeOffset? NextDeadline => _kills.Values.Select(k => k.Plan.NextDeadline).Append(PodPlan?.NextDeadline)
        .Where(d => d is not null).Min();

    public IReadOnlyList<DueStep> BeginPod(KillPodAction action, PodSnapshot snapshot, DateTimeOffset now)
    {
        PodCause = action.Cause;
        _podIds.Clear();
        foreach (var container in action.Plan.Containers.Where(c => c.Running))
        {
            if (snapshot.Latest(container.Name) is { IsRunning: true } latest)
            {
                _podIds[container.Name] = latest.Id;
            }
        }
        var update = action.Plan.Begin(now);
        PodPlan = update.Plan;
        return ForPod(update.Steps);
    }

    public IReadOnlyList<DueStep> BeginKill(KillContainerAction action, DateTimeOffset now)
    {
        var update = action.Plan.Begin(now);
        _kills[action.Name] = (update.Plan, action.ContainerId);
        return [.. update.Steps.Select(s => new DueStep(s, action.ContainerId))];
    }

    /// <summary>A preStop hook returned for the instance <paramref name="id"/>.</summary>
    public IReadOnlyList<DueStep> PreStopFinished(string container, string id, DateTimeOffset now)
    {
        if (PodPlan is not null && _podIds.GetValueOrDefault(container) == id)
        {
            var update = PodPlan.PreStopFinished(container, now);
            PodPlan = update.Plan;
            return ForPod(update.Steps);
        }
        if (_kills.TryGetValue(container, out var kill) && kill.Id == id)
        {
            var update = kill.Plan.PreStopFinished(container, now);
            _kills[container] = (update.Plan, id);
            return [.. update.Steps.Select(s => new DueStep(s, id))];
        }
        return [];
    }

    /// <summary>
    /// Feeds the observed exits and the clock to every plan. Returns the steps now due, whether the pod's termination
    /// is complete, and the containers whose single kill is over (they may be restarted again).
    /// </summary>
    public (IReadOnlyList<DueStep> Steps, bool PodComplete, IReadOnlyList<string> KillsComplete) Observe(PodSnapshot snapshot, DateTimeOffset now)
    {
        var steps = new List<DueStep>();
        var podComplete = false;
        if (PodPlan is not null)
        {
            foreach (var (name, id) in _podIds)
            {
                if (HasExited(snapshot, name, id) && PodPlan.Find(name) is { HasExited: false })
                {
                    var exited = PodPlan.Exited(name, now);
                    PodPlan = exited.Plan;
                    steps.AddRange(ForPod(exited.Steps));
                }
            }
            var ticked = PodPlan.Tick(now);
            PodPlan = ticked.Plan;
            steps.AddRange(ForPod(ticked.Steps));
            podComplete = PodPlan.IsComplete;
        }
        var done = new List<string>();
        foreach (var (name, (plan, id)) in _kills.ToList())
        {
            var current = plan;
            if (HasExited(snapshot, name, id) && current.Find(name) is { HasExited: false })
            {
                var exited = current.Exited(name, now);
                current = exited.Plan;
                steps.AddRange(exited.Steps.Select(s => new DueStep(s, id)));
            }
            var ticked = current.Tick(now);
            current = ticked.Plan;
            steps.AddRange(ticked.Steps.Select(s => new DueStep(s, id)));
            _kills[name] = (current, id);
            if (current.IsComplete)
            {
                done.Add(name);
                _kills.Remove(name);
            }
        }
        return (steps, podComplete, done);
    }

    /// <summary>The pod's termination is over: forget it (a sandbox change may begin another later).</summary>
    public void EndPod()
    {
        PodPlan = null;
        PodCause = null;
        _podIds.Clear();
    }

    private List<DueStep> ForPod(IEnumerable<TerminationStep> steps) =>
        [.. steps.Where(s => _podIds.ContainsKey(s.Container)).Select(s => new DueStep(s, _podIds[s.Container]))];

    private static bool HasExited(PodSnapshot snapshot, string name, string id)
    {
        var instance = snapshot.Find(name)?.Instances.FirstOrDefault(i => i.Id == id);
        // An instance the runtime no longer lists is gone, which is as good as exited.
        return instance is null || instance.IsExited;
    }
}

/// <summary>A termination step for one container instance.</summary>
internal sealed record DueStep(TerminationStep Step, string ContainerId);
