namespace Tandem.Sidecars.Proxy.Observability;

/// <summary>One request, as the access log records it.</summary>
internal readonly record struct AccessLogEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    string Protocol,
    int Status,
    double DurationMs,
    string Route,
    string? Upstream,
    string? ClientIp,
    string? Caller,
    string TraceId,
    string? Error);
