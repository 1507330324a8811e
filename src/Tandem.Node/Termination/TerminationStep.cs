namespace Tandem.Node.Termination;

/// <summary>
/// Something the executor must do now for one container: run its preStop hook (<see cref="TerminationStepKind.RunPreStop"/>),
/// or send the stop signal and SIGKILL after <see cref="GracePeriodSeconds"/> (CRI <c>StopContainer(id, g)</c>).
/// </summary>
public sealed record TerminationStep(TerminationStepKind Kind, string Container, long GracePeriodSeconds);
