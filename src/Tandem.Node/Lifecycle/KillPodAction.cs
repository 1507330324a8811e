using Tandem.Node.Termination;

namespace Tandem.Node.Lifecycle;

/// <summary>
/// Terminate every running container with the ordering of §1.H, then stop the sandbox. Drive <see cref="Plan"/>
/// (see <see cref="TerminationPlan"/>); nothing is started or restarted while it runs (R13, T6).
/// </summary>
public sealed record KillPodAction(TerminationCause Cause, TerminationPlan Plan) : PodAction;
