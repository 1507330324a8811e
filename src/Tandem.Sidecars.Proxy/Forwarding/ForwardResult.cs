namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>How a forwarding attempt ended: the status the client saw, the upstream used, and the failure kind if any.</summary>
internal readonly record struct ForwardResult(int Status, Uri? Upstream, string? Error);
