namespace Tandem.Node.Logs;

/// <summary>Which streams a log read returns (PodLogOptions <c>stream</c>, KEP-3288); <see cref="All"/> is kubectl's default.</summary>
public enum LogStreamSelection
{
    All,
    Stdout,
    Stderr,
}
