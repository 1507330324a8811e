namespace Tandem.Node.Logs;

/// <summary>The container stream a log record came from (the CRI log format's second field).</summary>
public enum LogStream
{
    Stdout,
    Stderr,
}
