namespace Tandem.Node.Termination;

/// <summary>The two things a termination plan asks an executor to do.</summary>
public enum TerminationStepKind
{
    RunPreStop,
    Stop,
}
