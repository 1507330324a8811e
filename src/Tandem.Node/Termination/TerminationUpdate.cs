namespace Tandem.Node.Termination;

/// <summary>The result of moving a <see cref="TerminationPlan"/> on: the new plan and what to do now.</summary>
public sealed record TerminationUpdate(TerminationPlan Plan, IReadOnlyList<TerminationStep> Steps);
