namespace Tandem.Sidecars.Proxy.Auth;

/// <summary>What the proxy answers for an auth decision: forward, 401, 403 or 405.</summary>
internal enum AuthStatus
{
    Allowed,
    Unauthenticated,
    Forbidden,
    MethodNotAllowed,
}
