using Tandem.Node.Termination;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// Kill one container instance (preStop, then stop signal, then SIGKILL after the grace) because of a probe failure,
/// a changed definition or an unknown state (R12, R14, R16). <see cref="Message"/> is the <c>Killing</c> event text.
/// <see cref="Plan"/> is a single-container <see cref="TerminationPlan"/> that carries the grace (T8, R16).
/// </summary>
public sealed record KillContainerAction(
    string Name,
    string ContainerId,
    ContainerKind Kind,
    KillReason Reason,
    string Message,
    long GracePeriodSeconds,
    TerminationPlan Plan) : PodAction;
