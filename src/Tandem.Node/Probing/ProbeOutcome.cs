namespace Tandem.Node.Probing;

/// <summary>What one probe run gave (R24): Success, Failure (incl. a timed-out exec), or Error (could not run; discarded).</summary>
public enum ProbeOutcome
{
    Success,
    Failure,
    Error,
}
