namespace Tandem.Sidecars.LogShipper.Configuration;

/// <summary>The admin endpoints (<c>/live</c>, <c>/ready</c>, <c>/metrics</c>, <c>POST /shutdown</c>).</summary>
public sealed record AdminConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary>Listen address; loopback by default.</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; } = 9902;
}
