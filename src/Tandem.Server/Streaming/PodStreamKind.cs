namespace Tandem.Server.Streaming;

/// <summary>The three pod subresources that upgrade the connection.</summary>
public enum PodStreamKind
{
    Exec,
    Attach,
    PortForward,
}
