namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>A loaded config, or every reason it was refused (each naming its field path).</summary>
public sealed record ConfigLoadResult(ProxyConfig? Config, IReadOnlyList<string> Errors)
{
    public bool IsValid => Config is not null;
}
