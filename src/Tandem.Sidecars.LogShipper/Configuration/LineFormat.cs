namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>How a line on disk is framed before any parsing.</summary>
public enum LineFormat
{
    /// <summary>One event per line, as written.</summary>
    Raw,

    /// <summary>The kubelet's CRI log format: <c>TIMESTAMP STREAM P|F MESSAGE</c>, partial lines joined.</summary>
    Cri,
}
