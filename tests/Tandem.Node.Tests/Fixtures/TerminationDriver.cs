using Tandem.Node.Termination;

namespace Tandem.Node.Tests.Fixtures;

/// <summary>
/// Drives a <see cref="TerminationPlan"/> the way an executor would, against scripted containers: how long each
/// preStop takes (infinity: never ends) and how long each process takes to exit after the stop signal (null: it
/// ignores SIGTERM and is SIGKILLed when the grace runs out, exit 137). Time moves in quarter seconds.
/// </summary>
internal sealed class TerminationDriver(TerminationPlan plan)
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, double> _preStopEnds = [];
    private readonly Dictionary<string, double> _exits = [];

    public Dictionary<string, double?> TermSeconds { get; } = [];

    public Dictionary<string, double> PreStopSeconds { get; } = [];

    public Dictionary<string, ContainerOutcome> Outcomes { get; } = [];

    public TerminationPlan Plan { get; private set; } = plan;

    public TerminationDriver Run(double limit = 120)
    {
        Apply(Plan.Begin(Start), 0);
        for (var t = 0.25; t <= limit && !Plan.IsComplete; t += 0.25)
        {
            var now = Start.AddSeconds(t);
            foreach (var (name, end) in _preStopEnds.Where(p => p.Value <= t).ToList())
            {
                _preStopEnds.Remove(name);
                Apply(Plan.PreStopFinished(name, now), t);
            }
            foreach (var (name, exit) in _exits.Where(p => p.Value <= t).ToList())
            {
                _exits.Remove(name);
                Outcomes[name] = Outcomes[name] with { ExitAt = t };
                Apply(Plan.Exited(name, now), t);
            }
            Apply(Plan.Tick(now), t);
        }
        return this;
    }

    private void Apply(TerminationUpdate update, double t)
    {
        Plan = update.Plan;
        foreach (var step in update.Steps)
        {
            var outcome = Outcomes.GetValueOrDefault(step.Container) ?? new ContainerOutcome();
            if (step.Kind == TerminationStepKind.RunPreStop)
            {
                Outcomes[step.Container] = outcome with { PreStopAt = t };
                _preStopEnds[step.Container] = t + PreStopSeconds.GetValueOrDefault(step.Container, 0);
                continue;
            }
            var term = TermSeconds.GetValueOrDefault(step.Container);
            var killed = term is null || term > step.GracePeriodSeconds;
            Outcomes[step.Container] = outcome with { StopAt = t, Grace = step.GracePeriodSeconds, ExitCode = killed ? 137 : 0 };
            _exits[step.Container] = t + (killed ? step.GracePeriodSeconds : term!.Value);
        }
    }
}
