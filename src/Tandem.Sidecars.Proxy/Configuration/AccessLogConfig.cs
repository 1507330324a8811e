namespace Tandem.Sidecars.Proxy.Configuration;

/// <summary>One JSON line per request, on standard output or appended to a file.</summary>
public sealed record AccessLogConfig
{
    public bool Enabled { get; init; } = true;

    /// <summary><c>stdout</c> or a file path.</summary>
    public string Path { get; init; } = "stdout";
}
