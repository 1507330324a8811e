using Tandem.Sidecars.Proxy.Auth;

namespace Tandem.Sidecars.Proxy.Forwarding;

/// <summary>What the handler decided about a request before it is forwarded.</summary>
internal sealed record ForwardRequest(CallerIdentity? Caller, string TraceParent, string IdentityHeaderPrefix);
